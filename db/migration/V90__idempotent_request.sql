-- Answers to reports sent with an Idempotency-Key header, so that a client re-sending the same
-- report (a phone retrying on a bad network) gets the first answer again instead of creating a
-- second incident. A row without a status is a request still being handled.
CREATE TABLE idempotent_request (
    endpoint        text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    status          integer,
    content_type    text,
    location        text,
    body            bytea,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (endpoint, idempotency_key)
);

CREATE INDEX idempotent_request_expires_idx ON idempotent_request (expires_at);
