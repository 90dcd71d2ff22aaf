using Planekeeper.TopologyProxy;

var builder = WebApplication.CreateBuilder(args);
var settings = ProxySettings.FromConfiguration(builder.Configuration);
builder.WebHost.UseUrls($"http://{settings.ListenAddress}:{settings.Port}");
builder.Services.AddReverseProxy().LoadFromMemory([PublicRoute.Route], [PublicRoute.Cluster(settings.Destinations)]);
var app = builder.Build();
app.MapReverseProxy();
app.Run();
