using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>
/// A form that cannot be read (a broken multipart header, a quote or line break in a file name) or that carries a NUL
/// character in any field is refused with 400 before an action binds it: no page of the app can produce either.
/// </summary>
public sealed class RefuseMalformedForms : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        // The error page re-executes with the refused request's form still attached; it must render, not refuse again.
        var isErrorPage = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
        if (http.Request.HasFormContentType && !isErrorPage && !await IsWellFormedAsync(http.Request))
        {
            context.Result = new BadRequestResult();
            return;
        }

        await next();
    }

    private static async Task<bool> IsWellFormedAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return false;
        }

        return !form.Any(field => field.Key.Contains('\0', StringComparison.Ordinal) || field.Value.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true))
            && !form.Files.Any(file => file.FileName.Contains('\0', StringComparison.Ordinal) || file.Name.Contains('\0', StringComparison.Ordinal));
    }
}
