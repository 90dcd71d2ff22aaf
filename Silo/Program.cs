using Planekeeper.Silo.Hosting;

return await SiloProgram.RunAsync(args);
