-- A plan criterion may be bound to live probe data (criteria grammar, docs/criteria.md).
alter table incident_criterion add column measure varchar(300);
