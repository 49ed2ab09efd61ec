namespace CmBot.Tests.Support;

/// <summary>
/// A fact that needs a program from Debian's packages (Chromium, PostgreSQL). On a developer's machine
/// without it the test is skipped with the install command; in CI (CI=true) it runs and fails, so a
/// missing install step can never pass silently.
/// </summary>
public sealed class RequiresAttribute : FactAttribute
{
    public RequiresAttribute(string program, string install)
    {
        var present = File.Exists(program);
        if (!present && Environment.GetEnvironmentVariable("CI") is null)
            Skip = $"{program} is not installed: {install}";
    }
}
