-- Issue 16, item 6: failed logins no longer lock accounts (an outsider could lock the commander out
-- mid-outage); they slow down per source address and per account, in memory (LoginThrottle). The
-- lock columns had one writer, the lockout, which is gone: a lock set before this upgrade ends here.
alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;
