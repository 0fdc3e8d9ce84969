-- The sandbox's health checks now report their protocol, port and request path (issue 17: gcloud lines
-- name the check's real protocol; the health-check-target action changes port and path). Rows stored
-- before get the values the #1278 topology seeds; attrs is one flat JSON object, so the new keys are
-- put in front of the existing ones. Rows that already carry a protocol are left alone.
update sandbox_resource
   set attrs = concat('{"port":"8080","protocol":"HTTP","requestPath":"/health",', substring(attrs, 2)),
       version = version + 1
 where resource_ref like 'HEALTH_CHECK/%'
   and attrs like '{"%'
   and attrs not like '%"protocol":%';
