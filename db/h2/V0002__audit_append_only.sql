-- H2 has no SQL triggers; tampering there is caught by AuditService.verify().
select 1;
