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
            // A field the binder could not read already says so ("31/02/2026" is no date); the rule's
            // "required" for the empty value it then holds would only repeat the same problem.
            if (key.Length > 0 && state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
                continue;
            foreach (var message in messages)
                state.AddModelError(key, message);
        }
    }
}
