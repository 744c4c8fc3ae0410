namespace DurableLoggingProvider.Execution;

/// <summary>What is wrong with one field: its JSON path (<c>Operations[2].StepDetails.Attempt</c>) and the problem, as a sentence.</summary>
internal readonly record struct FieldProblem(string FieldPath, string Problem);
