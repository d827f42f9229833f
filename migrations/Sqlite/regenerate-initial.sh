#!/usr/bin/env bash
# Until the first release the schema is one Initial migration: this rebuilds it from the model.
# Needs the dotnet-ef tool (dotnet tool install -g dotnet-ef). Serialised with a lock: helpers share this tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:$HOME/.dotnet/tools"
exec 9>/tmp/sessions-migrations.lock
flock 9
rm -f migrations/Sqlite/Migrations/*.cs
dotnet ef migrations add Initial --project migrations/Sqlite --startup-project src/Sessions.Web --output-dir Migrations
