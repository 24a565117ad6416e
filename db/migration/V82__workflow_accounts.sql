-- Workflow steps and first receivers are signed-in accounts now. The names stay as recorded
-- at the time, because display names may change later, and the account ids identify the person.
ALTER TABLE incident ADD COLUMN owner_account_id bigint REFERENCES account (id);
ALTER TABLE incident_transition ADD COLUMN actor_account_id bigint REFERENCES account (id);
CREATE INDEX incident_owner_account_idx ON incident (owner_account_id) WHERE owner_account_id IS NOT NULL;
COMMENT ON COLUMN incident_transition.actor_name IS
    'Display name of the signed-in account for staff steps; rows written before sign-in existed hold the name as typed.';
