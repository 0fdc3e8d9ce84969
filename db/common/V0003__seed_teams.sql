-- The teams that appear in the #1278 plan. Leads and members are set by an admin (or the demo data).
insert into team (name) values ('Infrastructure');
insert into team (name) values ('Development');
insert into team (name) values ('Platform');
insert into team (name) values ('QA');
insert into team (name) values ('DevOps');
