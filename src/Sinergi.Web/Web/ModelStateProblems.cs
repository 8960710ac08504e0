using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Sinergi.Web;

public static class ModelStateProblems
{
    /// <summary>
    /// Puts a rule's problems (field → messages, as the features return them) on a form bound as
    /// <paramref name="prefix"/>; the fields in <paramref name="wholeForm"/> are about the record as a whole
    /// and go to the form's summary.
    /// </summary>
    public static void AddProblems(this ModelStateDictionary state, IReadOnlyDictionary<string, string[]> problems, string prefix, params string[] wholeForm)
    {
        foreach (var (field, messages) in problems)
        {
            var key = field.Length == 0 || wholeForm.Contains(field) ? "" : $"{prefix}.{field}";
            foreach (var message in messages)
                state.AddModelError(key, message);
        }
    }
}
