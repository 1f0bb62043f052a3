# The HTTP API (Client mode: set AfterSales__Hosting__Mode=Client and ConnectionStrings__AfterSales).
# Build from the repository root:  docker build -f deploy/docker/api.Dockerfile -t aftersales-api:local .
# Configuration comes from environment variables only (deploy/README.md lists them); the image holds no secrets.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Restore first, from the project files alone, so a code change does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/GrainInterfaces/AfterSales.GrainInterfaces.csproj src/GrainInterfaces/
COPY src/Grains/AfterSales.Grains.csproj src/Grains/
COPY src/Silo/AfterSales.Silo.csproj src/Silo/
COPY src/Console/AfterSales.Console.csproj src/Console/
COPY src/Api/AfterSales.Api.csproj src/Api/
RUN dotnet restore src/Api/AfterSales.Api.csproj
COPY src/ src/
RUN dotnet publish src/Api/AfterSales.Api.csproj -c Release --no-restore -o /app

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app ./
# The runtime image's unprivileged user (uid 1654); the application writes nothing under /app.
USER $APP_UID
ENV DOTNET_gcServer=0 \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "AfterSales.Api.dll"]
