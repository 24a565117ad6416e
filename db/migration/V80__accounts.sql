-- Staff accounts: sign-in name, password hash, roles and the jurisdiction (辖区) each account
-- may see and act on. Residents report without an account.

CREATE TABLE account (
    id                bigserial   PRIMARY KEY,
    login_name        text        NOT NULL UNIQUE CHECK (login_name ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    display_name      text        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 64),
    -- Spring Security DelegatingPasswordEncoder format, e.g. {bcrypt}$2a$10$...
    password_hash     text        NOT NULL,
    enabled           boolean     NOT NULL DEFAULT true,
    jurisdiction_kind text        NOT NULL CHECK (jurisdiction_kind IN ('whole_city', 'unit', 'grids', 'department')),
    unit_code         char(12)    REFERENCES administrative_unit (code),
    department_code   text        REFERENCES department (code),
    -- The grid team member this account belongs to, for grid workers and leaders.
    grid_worker_id    bigint      REFERENCES grid_worker (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((jurisdiction_kind = 'unit') = (unit_code IS NOT NULL)),
    CHECK ((jurisdiction_kind = 'department') = (department_code IS NOT NULL))
);

CREATE TABLE account_role (
    account_id bigint NOT NULL REFERENCES account (id),
    role       text   NOT NULL CHECK (role IN (
                   'grid_worker_part_time', 'grid_worker_full_time', 'grid_leader', 'department_handler',
                   'dispatcher_village', 'dispatcher_township', 'dispatcher_county', 'planner',
                   'administrator')),
    PRIMARY KEY (account_id, role)
);

-- The grids of an account whose jurisdiction kind is 'grids', by grid code, so the jurisdiction
-- survives a grid's reshaping (the code stays, the row's version changes).
CREATE TABLE account_grid (
    account_id bigint   NOT NULL REFERENCES account (id),
    grid_code  char(15) NOT NULL REFERENCES grid (code),
    PRIMARY KEY (account_id, grid_code)
);
