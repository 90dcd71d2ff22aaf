# The agent: runs gather, scrape and helm sync jobs for its server. Build from the repository root
# (deploy/docker/build.sh): docs/deploy.md, "Images".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files and the central package versions only, so that a change of source code
# reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Formats/Formats.csproj Formats/
COPY Agent/Agent.csproj Agent/
RUN dotnet restore Agent/Agent.csproj
COPY Formats/ Formats/
COPY Agent/ Agent/
ARG VERSION=0.0.0-dev
RUN dotnet publish Agent/Agent.csproj -c Release --no-restore -o /app -p:InformationalVersion=$VERSION

# A worker without ASP.NET Core: the plain .NET runtime.
FROM mcr.microsoft.com/dotnet/runtime:10.0
# Scrape jobs run git (https and ssh repositories, docs/agent.md); CA certificates for every https request.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ARG VERSION=0.0.0-dev
ARG SOURCE=unknown
ARG REVISION=unknown
LABEL org.opencontainers.image.title="planekeeper-agent" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.source="$SOURCE" \
      org.opencontainers.image.revision="$REVISION"
WORKDIR /app
COPY --from=build /app ./
# The image's unprivileged user (app, 1654); numeric, so that Kubernetes' runAsNonRoot can check it.
USER $APP_UID
# The agent listens on no port: it is healthy while its server's /health answers it (docs/deploy.md, "Images").
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["dotnet", "Planekeeper.Agent.dll", "--health-check"]
ENTRYPOINT ["dotnet", "Planekeeper.Agent.dll"]
