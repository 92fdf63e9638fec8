//! English: every Kratos message and every phrase of the library.

use super::super::Phrase;

/// Kratos messages by id. Placeholders name `context` keys: `{key}`,
/// `{key:date}` (a Unix time as a local date), `{key:minutes_ago}` and
/// `{key:minutes_left}` (a Unix time as whole minutes from now).
pub static MESSAGES: &[(i64, &str)] = &[
    (1010001, "Sign in"),
    (1010002, "Sign in with {provider}"),
    (
        1010003,
        "Please confirm this action by verifying that it is you.",
    ),
    (
        1010004,
        "Please complete the second authentication challenge.",
    ),
    (1010005, "Verify"),
    (1010006, "Authentication code"),
    (1010007, "Backup recovery code"),
    (1010008, "Sign in with a hardware key"),
    (1010009, "Use authenticator app"),
    (1010010, "Use backup recovery code"),
    (1010011, "Sign in with a hardware key"),
    (
        1010012,
        "Prepare your security key or biometric sensor and press continue.",
    ),
    (1010013, "Continue"),
    (
        1010014,
        "A code was sent to the address you provided. If you didn't receive it, check the spelling of the address and try again.",
    ),
    (1010015, "Send sign-in code"),
    (
        1010016,
        "You tried to sign in with {duplicate_identifier}, but that email is already used by another account. Sign in to that account with one of the options below to add {duplicate_identifier} as another way to sign in.",
    ),
    (1010017, "Sign in and link"),
    (1010018, "Confirm with {provider}"),
    (1010019, "Request code to continue"),
    (1010021, "Sign in with passkey"),
    (1010022, "Sign in with password"),
    (1010023, "Send code to {address}"),
    (1010024, "Sign in with a hardware key"),
    (
        1010025,
        "A code was sent to your address. If you didn't receive it, please try again.",
    ),
    (1040001, "Sign up"),
    (1040002, "Sign up with {provider}"),
    (1040003, "Continue"),
    (1040004, "Sign up with security key"),
    (
        1040005,
        "A code has been sent to the address you provided. If you have not received it, check the spelling of the address and try again.",
    ),
    (1040006, "Send sign-up code"),
    (1040007, "Sign up with passkey"),
    (1040008, "Back"),
    (
        1040009,
        "Please choose how you want to sign in from now on.",
    ),
    (1050001, "Your changes have been saved!"),
    (1050002, "Link {provider}"),
    (1050003, "Unlink {provider}"),
    (1050004, "Unlink authenticator app"),
    (1050005, "Authenticator app QR code"),
    (1050006, "{secret}"),
    (1050007, "Reveal backup recovery codes"),
    (1050008, "Generate new backup recovery codes"),
    (1050009, "{secret}"),
    (
        1050010,
        "These are your backup recovery codes. Keep them in a safe place!",
    ),
    (1050011, "Confirm backup recovery codes"),
    (1050012, "Add security key"),
    (1050013, "Name of the security key"),
    (1050014, "Used on {used_at_unix:date}"),
    (1050016, "Disable this method"),
    (
        1050017,
        "This is your authenticator app secret. Use it if you cannot scan the QR code.",
    ),
    (1050018, "Remove security key \"{display_name}\""),
    (1050019, "Add passkey"),
    (1050020, "Remove passkey \"{display_name}\""),
    (
        1050023,
        "Your account is managed by your organization. To change these settings, contact your organization's administrator.",
    ),
    (
        1060001,
        "You successfully recovered your account. Please change your password or set up another way to sign in within the next {privileged_session_expires_at_unix:minutes_left} min.",
    ),
    (
        1060002,
        "An email with a recovery link has been sent to the address you provided. If you have not received it, check the spelling of the address and make sure to use the address you registered with.",
    ),
    (
        1060003,
        "An email with a recovery code has been sent to the address you provided. If you have not received it, check the spelling of the address and make sure to use the address you registered with.",
    ),
    (
        1060004,
        "A recovery code has been sent to {masked_address}. If you have not received it, check the spelling of the address and make sure to use the address you registered with.",
    ),
    (
        1060005,
        "Recover access to your account by entering your recovery address in full.",
    ),
    (1060006, "How do you want to recover your account?"),
    (1060007, "Back"),
    (1070001, "Password"),
    (1070002, "{title}"),
    (1070003, "Save"),
    (1070004, "ID"),
    (1070005, "Submit"),
    (1070006, "Verify code"),
    (1070007, "Email"),
    (1070008, "Resend code"),
    (1070009, "Continue"),
    (1070010, "Recovery code"),
    (1070011, "Verification code"),
    (1070012, "Registration code"),
    (1070013, "Sign-in code"),
    (1070014, "Sign in and link credential"),
    (
        1070015,
        "Please complete the captcha challenge to continue.",
    ),
    (1070016, "Recovery address"),
    (1070017, "Phone number"),
    (1070018, "Email or phone number"),
    (
        1080001,
        "An email with a verification link has been sent to the address you provided. If you have not received it, check the spelling of the address and make sure to use the address you registered with.",
    ),
    (1080002, "You successfully verified your email address."),
    (
        1080003,
        "An email with a verification code has been sent to the address you provided. If you have not received it, check the spelling of the address and make sure to use the address you registered with.",
    ),
    (
        1080004,
        "A text message with a verification code has been sent to the phone number you provided. If you have not received it, check the spelling of the number and make sure to use the number you registered with.",
    ),
    (1080005, "You successfully verified your phone number."),
    (4000001, "{reason}"),
    (4000002, "Property {property} is missing."),
    (
        4000003,
        "Must be at least {min_length} characters long, but has {actual_length}.",
    ),
    (4000004, "Does not match the pattern {pattern}."),
    (4000005, "The password cannot be used because {reason}."),
    (
        4000006,
        "The provided credentials are invalid. Check for spelling mistakes in your password or username, email address, or phone number.",
    ),
    (
        4000007,
        "An account with the same identifier (email, phone, username, ...) exists already.",
    ),
    (
        4000008,
        "The authentication code is invalid, please try again.",
    ),
    (
        4000009,
        "Could not find any login identifiers. Did you forget to set them? This could also be caused by a server misconfiguration.",
    ),
    (
        4000010,
        "Your account is not active yet. Did you forget to verify your email address?",
    ),
    (4000011, "You have no authenticator app set up."),
    (4000012, "This backup recovery code has already been used."),
    (4000013, "You have no security key set up."),
    (4000014, "You have no backup recovery codes set up."),
    (
        4000015,
        "This account does not exist or has no security key set up.",
    ),
    (4000016, "The backup recovery code is not valid."),
    (
        4000017,
        "Must be at most {max_length} characters long, but has {actual_length}.",
    ),
    (4000018, "Must be at least {minimum}, but is {actual}."),
    (4000019, "Must be greater than {minimum}, but is {actual}."),
    (4000020, "Must be at most {maximum}, but is {actual}."),
    (4000021, "Must be less than {maximum}, but is {actual}."),
    (4000022, "{actual} is not a multiple of {base}."),
    (
        4000023,
        "At most {max_items} items are allowed, but there are {actual_items}.",
    ),
    (
        4000024,
        "At least {min_items} items are needed, but there are {actual_items}.",
    ),
    (
        4000025,
        "The items at positions {index_a} and {index_b} are the same.",
    ),
    (4000026, "Expected {allowed_types}, but got {actual_type}."),
    (
        4000027,
        "An account with the same identifier (email, phone, username, ...) exists already.",
    ),
    (
        4000028,
        "An account with the same identifier (email, phone, username, ...) exists already. Sign in to it to continue.",
    ),
    (4000029, "Must be equal to {expected}."),
    (4000030, "The value is not allowed."),
    (
        4000031,
        "The password cannot be used because it is too similar to the identifier.",
    ),
    (
        4000032,
        "The password must be at least {min_length} characters long, but has {actual_length}.",
    ),
    (
        4000033,
        "The password must be at most {max_length} characters long, but has {actual_length}.",
    ),
    (
        4000034,
        "The password has been found in data breaches and must no longer be used.",
    ),
    (
        4000035,
        "This account does not exist or has not set up sign-in with a code.",
    ),
    (
        4000036,
        "The provided details do not match the ones given earlier in this flow.",
    ),
    (
        4000037,
        "This account does not exist or has no sign-in method configured.",
    ),
    (4000038, "Captcha verification failed, please try again."),
    (
        4000039,
        "The new password must be different from the old password.",
    ),
    (4000040, "Enter a valid email address."),
    (4000041, "Enter a valid phone number."),
    (4000042, "You have no device key set up."),
    (
        4000043,
        "The security key or passkey sign-in is invalid, please try again.",
    ),
    (4000044, "The device key signature is invalid."),
    (
        4000045,
        "This device key can no longer be used. Please enroll your device again.",
    ),
    (
        4000046,
        "This device key was enrolled before user verification was introduced and can no longer be used. Please enroll your device again.",
    ),
    (
        4010001,
        "The sign-in form expired {expired_at_unix:minutes_ago} min ago, please try again.",
    ),
    (
        4010002,
        "Could not find a way to sign you in. Did you fill out the form correctly?",
    ),
    (
        4010003,
        "Could not find a way to sign you up. Did you fill out the form correctly?",
    ),
    (
        4010004,
        "Could not find a way to update your settings. Did you fill out the form correctly?",
    ),
    (
        4010005,
        "Could not find a way to recover your account. Did you fill out the form correctly?",
    ),
    (
        4010006,
        "Could not find a way to verify your account. Did you fill out the form correctly?",
    ),
    (
        4010007,
        "This request was already completed and cannot be repeated.",
    ),
    (
        4010008,
        "The sign-in code is invalid or has already been used. Please try again.",
    ),
    (4010009, "The linked credentials do not match."),
    (
        4010010,
        "The address you entered does not match any address of this account.",
    ),
    (
        4010011,
        "This account has been disabled. Please contact support for assistance.",
    ),
    (
        4040001,
        "The sign-up form expired {expired_at_unix:minutes_ago} min ago, please try again.",
    ),
    (
        4040002,
        "This request was already completed and cannot be repeated.",
    ),
    (
        4040003,
        "The registration code is invalid or has already been used. Please try again.",
    ),
    (
        4050001,
        "The settings form expired {expired_at_unix:minutes_ago} min ago, please try again.",
    ),
    (
        4050002,
        "You can only change one address at a time. Please update each address separately.",
    ),
    (
        4060001,
        "This request was already completed and cannot be repeated.",
    ),
    (4060002, "The recovery failed and must be started again."),
    (
        4060004,
        "The recovery link is invalid or has already been used. Please start again.",
    ),
    (
        4060005,
        "The recovery form expired {expired_at_unix:minutes_ago} min ago, please try again.",
    ),
    (
        4060006,
        "The recovery code is invalid or has already been used. Please try again.",
    ),
    (
        4070001,
        "The verification link is invalid or has already been used. Please start again.",
    ),
    (
        4070002,
        "This request was already completed and cannot be repeated.",
    ),
    (
        4070003,
        "The verification failed and must be started again.",
    ),
    (
        4070005,
        "The verification form expired {expired_at_unix:minutes_ago} min ago, please try again.",
    ),
    (
        4070006,
        "The verification code is invalid or has already been used. Please try again.",
    ),
    (5000001, "{reason}"),
    (
        5000002,
        "No sign-in methods are available. Please contact the system administrator.",
    ),
    (
        5000003,
        "Your organization requires single sign-on, but no provider is configured. Please contact the system administrator.",
    ),
];

/// The library's phrases.
pub static PHRASES: &[(Phrase, &str)] = &[
    (Phrase::LoginTitle, "Sign in"),
    (Phrase::RegistrationTitle, "Create an account"),
    (Phrase::RecoveryTitle, "Recover your account"),
    (Phrase::VerificationTitle, "Verify your account"),
    (Phrase::SettingsTitle, "Account settings"),
    (Phrase::ErrorTitle, "Something went wrong"),
    (Phrase::Loading, "Loading…"),
    (Phrase::StartOver, "Start over"),
    (Phrase::Home, "Home"),
    (
        Phrase::Unreachable,
        "The sign-in service could not be reached. Please try again.",
    ),
    (Phrase::NoAccount, "Don't have an account? Sign up"),
    (Phrase::HaveAccount, "Already have an account? Sign in"),
    (Phrase::ForgotPassword, "Forgot your password?"),
    (Phrase::Welcome, "Welcome"),
    (Phrase::SignedInAs, "Signed in as"),
    (Phrase::NotSignedIn, "You are not signed in."),
    (
        Phrase::SecondFactor,
        "Your account is protected by a second factor. Please complete it to continue.",
    ),
    (Phrase::SignOut, "Sign out"),
    (Phrase::Continue, "Continue"),
    (
        Phrase::ScriptFailed,
        "Passkeys and security keys are unavailable: their script could not be loaded.",
    ),
    (Phrase::TryAgain, "Try again"),
    (Phrase::Or, "or"),
    (Phrase::GroupAccount, "Account"),
    (Phrase::GroupProfile, "Profile"),
    (Phrase::GroupPassword, "Password"),
    (Phrase::GroupSocial, "Social sign-in"),
    (Phrase::GroupCode, "One-time code"),
    (Phrase::GroupLink, "Email link"),
    (Phrase::GroupTotp, "Authenticator app"),
    (Phrase::GroupBackupCodes, "Backup recovery codes"),
    (Phrase::GroupSecurityKeys, "Security keys"),
    (Phrase::GroupPasskeys, "Passkeys"),
    (Phrase::GroupCaptcha, "Verification"),
    (Phrase::GroupOther, "More options"),
];
