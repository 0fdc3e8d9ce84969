-- Sandbox cloud: the simulated resources, their long-running operations and injected faults.
-- Attributes are stored as one JSON object per resource (the port's flat attribute map).
create table sandbox_resource (
    resource_ref varchar(200)  not null primary key,
    attrs        varchar(8000) not null,
    version      bigint        not null default 0
);

create table sandbox_operation (
    id           varchar(120)  not null primary key,
    resource_ref varchar(200)  not null,
    op_kind      varchar(40)   not null,
    desired      varchar(8000) not null,
    started_at   timestamp with time zone not null,
    duration_ms  bigint        not null,
    outcome      varchar(20)   not null,
    done         boolean       not null default false,
    error        varchar(1000),
    finished_at  timestamp with time zone
);
create index sandbox_operation_open_idx on sandbox_operation (resource_ref, done);

-- One fault per target: a resource ref (KIND/location/name) or an operation kind (connector.update…).
create table sandbox_fault (
    target     varchar(200) not null primary key,
    fault      varchar(30)  not null,
    set_by     varchar(120) not null,
    set_at     timestamp with time zone not null
);
