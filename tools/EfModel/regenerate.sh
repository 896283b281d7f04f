#!/usr/bin/env bash
# Regenerates the site's EF Core compiled models (src/Site/CompiledModels/Sqlite and .../Postgres) from the model
# OnModelCreating and the modules' contributors build, with `dotnet ef dbcontext optimize` (the dotnet-ef version the
# repository's tool manifest, dotnet-tools.json, names). Run it after changing an entity, its configuration or the
# set of modules; Site.Tests' CompiledModelTests fail until it is run. See tools/EfModel/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

dotnet tool restore >/dev/null
# dotnet ef reads both projects' metadata before it builds them, so a fresh clone needs their packages first.
dotnet restore tools/EfModel/EfModel.csproj >/dev/null
# Both folders go first: an old file may name an entity type that is gone, and the site must build without them
# (it finds the models by name, see CompiledSiteModelsExtensions).
rm -rf src/Site/CompiledModels/Sqlite src/Site/CompiledModels/Postgres
for provider in Sqlite Postgres; do
  dotnet ef dbcontext optimize \
    --project src/Site --startup-project tools/EfModel --context CmsDbContext \
    --output-dir "CompiledModels/$provider" --namespace "Site.CompiledModels.$provider" \
    -- "$provider"
done
