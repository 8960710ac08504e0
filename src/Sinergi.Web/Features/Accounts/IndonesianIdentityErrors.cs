using Microsoft.AspNetCore.Identity;

namespace Sinergi.Features.Accounts;

/// <summary>ASP.NET Core Identity's messages, as a person in a regional office reads them.</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Terjadi kesalahan. Silakan coba lagi.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Data akun ini baru saja diubah oleh orang lain. Muat ulang halaman lalu coba lagi.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Kata sandi saat ini salah.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Tautan atau kode tidak berlaku lagi.");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Akun dengan login ini sudah ada.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Nama pengguna '{userName}' tidak valid.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Alamat email '{email}' tidak valid.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Email '{userName}' sudah dipakai akun lain.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Email '{email}' sudah dipakai akun lain.");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"Peran '{role}' tidak dikenal.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"Peran '{role}' sudah ada.");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Akun ini sudah memiliki kata sandi.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Penguncian akun tidak aktif untuk akun ini.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Akun sudah memiliki peran '{role}'.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Akun tidak memiliki peran '{role}'.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Kata sandi minimal {length} karakter.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Kata sandi harus memuat minimal {uniqueChars} karakter yang berbeda.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Kata sandi harus memuat minimal satu simbol.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Kata sandi harus memuat minimal satu angka (0-9).");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Kata sandi harus memuat minimal satu huruf kecil (a-z).");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Kata sandi harus memuat minimal satu huruf besar (A-Z).");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Kode pemulihan tidak berlaku.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
