-- Append-only audit log: sign-ins, sign-outs, account changes, grid edits and workflow steps.
-- The triggers below reject UPDATE, DELETE and TRUNCATE, so a row once written stays as written.

CREATE TABLE audit_event (
    id             bigserial   PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    -- The signed-in account, null for anonymous requests and failed sign-ins.
    account_id     bigint      REFERENCES account (id),
    -- The login name as typed or signed in; kept as text so it stays readable if names change.
    login_name     text        CHECK (char_length(login_name) <= 200),
    action         text        NOT NULL CHECK (action ~ '^[a-z_.]{1,64}$'),
    target_type    text        CHECK (char_length(target_type) <= 64),
    target_id      text        CHECK (char_length(target_id) <= 200),
    detail         text        CHECK (char_length(detail) <= 2000),
    client_address text        CHECK (char_length(client_address) <= 64)
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at DESC);
CREATE INDEX audit_event_account_idx ON audit_event (account_id, occurred_at DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
