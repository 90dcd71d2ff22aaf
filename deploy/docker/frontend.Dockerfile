# The web frontend: the REST API and the Client UI on the public port, the Internal UI on the internal port, as
# PLANEKEEPER_ROLES says. Build from the repository root (deploy/docker/build.sh): docs/deploy.md, "Images".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files and the central package versions only, so that a change of source code
# reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Formats/Formats.csproj Formats/
COPY Grains.Interfaces/Grains.Interfaces.csproj Grains.Interfaces/
COPY WebFrontend/WebFrontend.csproj WebFrontend/
RUN dotnet restore WebFrontend/WebFrontend.csproj
COPY Formats/ Formats/
COPY Grains.Interfaces/ Grains.Interfaces/
COPY WebFrontend/ WebFrontend/
ARG VERSION=0.0.0-dev
RUN dotnet publish WebFrontend/WebFrontend.csproj -c Release --no-restore -o /app -p:InformationalVersion=$VERSION

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG VERSION=0.0.0-dev
ARG SOURCE=unknown
ARG REVISION=unknown
LABEL org.opencontainers.image.title="planekeeper-frontend" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.source="$SOURCE" \
      org.opencontainers.image.revision="$REVISION"
WORKDIR /app
COPY --from=build /app ./
# The image's unprivileged user (app, 1654); numeric, so that Kubernetes' runAsNonRoot can check it.
USER $APP_UID
# Public (api, client-ui) and internal (internal-ui) ports.
EXPOSE 8080 8082
# The runtime images have neither curl nor wget: the program asks its own /health (docs/deploy.md, "Images").
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["dotnet", "Planekeeper.WebFrontend.dll", "--health-check"]
ENTRYPOINT ["dotnet", "Planekeeper.WebFrontend.dll"]
