-- "Send Messages" (messages.send) is a new permission: the built-in Partner Admin role holds every
-- permission, so it gets this one too (otherwise no admin could grant it to a role or an API key).
UPDATE "Role"
SET "permissions" = json_insert("permissions", '$[#]', 'messages.send')
WHERE "builtIn" = 1 AND "name" = 'Partner Admin'
  AND NOT EXISTS (SELECT 1 FROM json_each("Role"."permissions") WHERE "value" = 'messages.send');
