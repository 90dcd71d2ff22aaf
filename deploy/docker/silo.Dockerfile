# The silo: hosts the grains, migrates the database at start, answers /health, /ready and /metrics on its
# health port. Build from the repository root (deploy/docker/build.sh): docs/deploy.md, "Images".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files and the central package versions only, so that a change of source code
# reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Formats/Formats.csproj Formats/
COPY Grains.Interfaces/Grains.Interfaces.csproj Grains.Interfaces/
COPY Grains/Grains.csproj Grains/
COPY Silo/Silo.csproj Silo/
RUN dotnet restore Silo/Silo.csproj
COPY Formats/ Formats/
COPY Grains.Interfaces/ Grains.Interfaces/
COPY Grains/ Grains/
COPY Silo/ Silo/
ARG VERSION=0.0.0-dev
RUN dotnet publish Silo/Silo.csproj -c Release --no-restore -o /app -p:InformationalVersion=$VERSION

# The silo hosts a small ASP.NET Core endpoint (its health port), so it runs on the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG VERSION=0.0.0-dev
ARG SOURCE=unknown
ARG REVISION=unknown
LABEL org.opencontainers.image.title="planekeeper-silo" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.source="$SOURCE" \
      org.opencontainers.image.revision="$REVISION"
WORKDIR /app
COPY --from=build /app ./
# The image's unprivileged user (app, 1654); numeric, so that Kubernetes' runAsNonRoot can check it.
USER $APP_UID
# Silo-to-silo, gateway, health and metrics: none of them may be public (docs/operations.md).
EXPOSE 11111 30000 8081
# The runtime images have neither curl nor wget: the program asks its own /health (docs/deploy.md, "Images").
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["dotnet", "Planekeeper.Silo.dll", "--health-check"]
ENTRYPOINT ["dotnet", "Planekeeper.Silo.dll"]
