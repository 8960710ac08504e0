using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sinergi.Web.Api;

/// <summary>
/// Numbers in and out of the API are finite: a stored NaN or infinity (a coordinate, say) is
/// written as <c>null</c> rather than making the whole answer fail, and none is ever read.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override bool HandleNull => false;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.String
            && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) ? number
            : throw new JsonException("Bukan angka.");
        return double.IsFinite(value) ? value : throw new JsonException("Angka harus terhingga.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
            writer.WriteNumberValue(value);
        else
            writer.WriteNullValue();
    }
}
