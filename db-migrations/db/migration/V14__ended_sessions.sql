-- Sign-in sessions that ended before their tokens expire (sign-out, Keycloak's back-channel notice,
-- an admin disabling the account): every app instance refuses their cookies and tokens at once.
-- sid is Keycloak's session id, the "sid" claim of the session's tokens. Rows older than the longest
-- a session's tokens live are pruned.
create table ended_sessions (
    sid      varchar(255) primary key,
    ended_at timestamptz  not null default now()
);
create index ended_sessions_ended_at on ended_sessions (ended_at);
