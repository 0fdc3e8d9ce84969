-- Sandbox Cloud Run services now carry their startup probe and revision tags (issue 17). Services
-- stored before have neither: give them Cloud Run's default TCP startup probe and no tags. The
-- attributes are one JSON object; the new keys go first (readers sort the keys anyway).
update sandbox_resource
   set attrs = '{"startupProbe.failureThreshold":"1","startupProbe.initialDelaySeconds":"0",'
            || '"startupProbe.path":"","startupProbe.periodSeconds":"240","startupProbe.port":"8080",'
            || '"startupProbe.timeoutSeconds":"240","startupProbe.type":"TCP","trafficTags":"",'
            || substring(attrs from 2),
       version = version + 1
 where resource_ref like 'RUN_SERVICE/%'
   and attrs like '{"%'
   and attrs not like '%"startupProbe.type"%';
