using PaymentAudit.Cli;

// A person is watching when error output is a terminal: then progress is shown live and prompts are asked.
return await CliApplication.RunAsync(args, Console.Out, Console.Error, input: Console.In, interactive: !Console.IsErrorRedirected && !Console.IsInputRedirected);
