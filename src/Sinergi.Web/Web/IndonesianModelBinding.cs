using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Sinergi.Web;

/// <summary>Model binding's own messages (a number that is not a number, ...) in Bahasa Indonesia.</summary>
public static class IndonesianModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Nilai '{value}' tidak valid untuk {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field} wajib diisi.");
        messages.SetMissingKeyOrValueAccessor(() => "Nilai wajib diisi.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Isi permintaan wajib ada.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Nilai '{value}' tidak valid.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Nilai tidak valid.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Isian harus berupa angka.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Nilai untuk {field} tidak valid.");
        messages.SetValueIsInvalidAccessor(value => $"Nilai '{value}' tidak valid.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} harus berupa angka.");
        messages.SetValueMustNotBeNullAccessor(value => $"Nilai '{value}' tidak boleh kosong.");
    }
}
