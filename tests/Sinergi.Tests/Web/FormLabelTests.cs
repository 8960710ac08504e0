using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sinergi.Tests.Web;

/// <summary>
/// Model binding names the field it could not read ("Nilai 'x' tidak valid untuk ..."). Every field
/// a form or an address binds, that binding can refuse, must have its Indonesian label, so no name
/// from the code reaches a page.
/// </summary>
public sealed class FormLabelTests
{
    private static IEnumerable<(string Where, PropertyInfo Property)> BoundFields()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract);
        foreach (var page in pages)
        {
            foreach (var property in page.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
            {
                if (IsSimple(property.PropertyType))
                    yield return ($"{page.Name}.{property.Name}", property);
                else if (property.PropertyType.IsClass && property.PropertyType != typeof(IFormFile))
                {
                    // A list of rows (the SOP's stages): the fields of each row, and the list's own label.
                    var type = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>)
                        ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                    if (type != property.PropertyType)
                        yield return ($"{page.Name}.{property.Name}", property);
                    foreach (var inner in type.GetProperties().Where(p => p.CanWrite))
                        yield return ($"{page.Name}.{property.Name}.{inner.Name}", inner);
                }
            }
        }
    }

    private static bool IsSimple(Type type) => Nullable.GetUnderlyingType(type) is { } inner ? IsSimple(inner)
        : type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(Guid)
          || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && IsSimple(type.GetGenericArguments()[0]));

    /// <summary>Text binds whatever is sent; numbers, dates, choices, switches and lists of them can be refused.</summary>
    private static bool CanBeRefused(Type type) => type != typeof(string) && type != typeof(List<string>) && type != typeof(IFormFile);

    [Fact]
    public void Every_field_binding_can_refuse_has_an_indonesian_label()
    {
        var fields = BoundFields().ToList();
        Assert.Contains(fields, f => f.Where == "EditModel.Input.SignedOn");
        var unlabelled = fields.Where(f => CanBeRefused(f.Property.PropertyType) && f.Property.GetCustomAttribute<DisplayAttribute>()?.Name is not { Length: > 0 })
            .Select(f => f.Where).ToList();
        Assert.True(unlabelled.Count == 0, "Fields without [Display(Name = ...)]: " + string.Join(", ", unlabelled));
    }
}
