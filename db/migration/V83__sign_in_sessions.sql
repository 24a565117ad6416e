-- Sign-in sessions, stored by Spring Session JDBC (spring-session-jdbc 4.0) so they survive a
-- restart and are shared by every server instance on this database. The table and column
-- names are the ones Spring Session queries; times are epoch milliseconds.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL PRIMARY KEY,
    session_id            char(36)     NOT NULL UNIQUE,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval integer      NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100)
);
CREATE INDEX spring_session_expiry_idx ON spring_session (expiry_time);
CREATE INDEX spring_session_principal_idx ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
