-- "View Contacts" and "Manage Contacts" are new permissions. The built-in Partner Admin role holds every
-- permission, so it gets both. Campaigns are sent to contacts (an audience by tag, "save recipients as
-- contacts"): a role that may send campaigns gets both too, and a role that may view campaigns may view
-- contacts. Other roles are left as their admins made them.
UPDATE "Role"
SET "permissions" = json_insert("permissions", '$[#]', 'contacts.view')
WHERE (("builtIn" = 1 AND "name" = 'Partner Admin')
    OR EXISTS (SELECT 1 FROM json_each("Role"."permissions") WHERE "value" IN ('campaigns.view', 'campaigns.send')))
  AND NOT EXISTS (SELECT 1 FROM json_each("Role"."permissions") WHERE "value" = 'contacts.view');

UPDATE "Role"
SET "permissions" = json_insert("permissions", '$[#]', 'contacts.manage')
WHERE (("builtIn" = 1 AND "name" = 'Partner Admin')
    OR EXISTS (SELECT 1 FROM json_each("Role"."permissions") WHERE "value" = 'campaigns.send'))
  AND NOT EXISTS (SELECT 1 FROM json_each("Role"."permissions") WHERE "value" = 'contacts.manage');
