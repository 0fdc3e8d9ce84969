-- Audit events name the key that signed them (issue 16): HMAC-SHA256 with a key the database does not
-- hold. Rows written before keys existed keep key id 0: the plain SHA-256 chain, verified as before.
-- Adding a column with a constant default rewrites no row (and fires no update trigger on PostgreSQL).
alter table audit_event add column key_id integer not null default 0;
