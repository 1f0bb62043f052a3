global using AfterSales;
global using Orleans;
global using Orleans.Runtime;
