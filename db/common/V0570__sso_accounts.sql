-- Issue 19, single sign-on: an account signed in through OpenID Connect is linked by the provider's
-- (issuer, subject), never by username alone. Existing rows are local accounts and stay as they are
-- (both columns null); an SSO account carries a password hash that no encoder accepts.
alter table app_user add column sso_issuer varchar(500);
alter table app_user add column sso_subject varchar(255);
alter table app_user add constraint app_user_sso_identity unique (sso_issuer, sso_subject);
