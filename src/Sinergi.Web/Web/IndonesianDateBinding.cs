using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sinergi.Features.Import;

namespace Sinergi.Web;

/// <summary>
/// Dates in forms and query strings are read the way the import reads them (<see cref="IndonesianDates"/>):
/// <c>15 Januari 2025</c>, <c>15/01/2025</c>, <c>15-1-2025</c>, or <c>2025-01-15</c> from a date picker.
/// A date that does not exist is refused with the field's label; whether it lies in the accepted
/// years is the rule of the feature that takes it (<c>AgreementDates</c>), as for the API.
/// </summary>
public sealed class IndonesianDateBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None)
            return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            context.Result = context.ModelMetadata.IsReferenceOrNullableType ? ModelBindingResult.Success(null) : ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
        var parsed = IndonesianDates.ParseTyped(text);
        if (parsed.Value is { } date)
        {
            context.Result = ModelBindingResult.Success(date);
            return Task.CompletedTask;
        }
        var label = context.ModelMetadata.DisplayName ?? "Tanggal";
        context.ModelState.TryAddModelError(context.ModelName, $"{label}: {parsed.Error}");
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class IndonesianDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new IndonesianDateBinder() : null;
}
