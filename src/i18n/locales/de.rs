//! Deutsch.

use super::super::Phrase;
use super::Locale;

/// German.
pub static LOCALE: Locale = Locale {
    tag: "de",
    name: "Deutsch",
    messages: MESSAGES,
    phrases: PHRASES,
};

static MESSAGES: &[(i64, &str)] = &[
    (1010001, "Anmelden"),
    (1010002, "Mit {provider} anmelden"),
    (
        1010003,
        "Bitte bestätigen Sie diese Aktion, indem Sie sich erneut anmelden.",
    ),
    (1010004, "Bitte schließen Sie die zweite Anmeldestufe ab."),
    (1010005, "Bestätigen"),
    (1010006, "Authentifizierungscode"),
    (1010007, "Backup-Wiederherstellungscode"),
    (1010008, "Mit Sicherheitsschlüssel anmelden"),
    (1010009, "Authenticator-App verwenden"),
    (1010010, "Backup-Wiederherstellungscode verwenden"),
    (1010011, "Mit Sicherheitsschlüssel anmelden"),
    (
        1010012,
        "Halten Sie Ihren Sicherheitsschlüssel oder biometrischen Sensor bereit und klicken Sie auf „Weiter“.",
    ),
    (1010013, "Weiter"),
    (
        1010014,
        "Wir haben einen Code an die angegebene Adresse gesendet. Falls er nicht angekommen ist, prüfen Sie die Schreibweise der Adresse und versuchen Sie es erneut.",
    ),
    (1010015, "Anmeldecode senden"),
    (
        1010016,
        "Sie wollten sich mit {duplicate_identifier} anmelden, aber diese E-Mail-Adresse gehört bereits zu einem anderen Konto. Melden Sie sich mit einer der folgenden Optionen bei diesem Konto an, um {duplicate_identifier} als weitere Anmeldemöglichkeit hinzuzufügen.",
    ),
    (1010017, "Anmelden und verknüpfen"),
    (1010018, "Mit {provider} bestätigen"),
    (1010019, "Code zum Fortfahren anfordern"),
    (1010021, "Mit Passkey anmelden"),
    (1010022, "Mit Passwort anmelden"),
    (1010023, "Code an {address} senden"),
    (1010024, "Mit Sicherheitsschlüssel anmelden"),
    (
        1010025,
        "Wir haben einen Code an Ihre Adresse gesendet. Falls er nicht angekommen ist, versuchen Sie es bitte erneut.",
    ),
    (1040001, "Registrieren"),
    (1040002, "Mit {provider} registrieren"),
    (1040003, "Weiter"),
    (1040004, "Mit Sicherheitsschlüssel registrieren"),
    (
        1040005,
        "Wir haben einen Code an die angegebene Adresse gesendet. Falls er nicht angekommen ist, prüfen Sie die Schreibweise der Adresse und versuchen Sie es erneut.",
    ),
    (1040006, "Registrierungscode senden"),
    (1040007, "Mit Passkey registrieren"),
    (1040008, "Zurück"),
    (
        1040009,
        "Wählen Sie, wie Sie sich künftig anmelden möchten.",
    ),
    (1050001, "Ihre Änderungen wurden gespeichert!"),
    (1050002, "{provider} verknüpfen"),
    (1050003, "Verknüpfung mit {provider} aufheben"),
    (1050004, "Authenticator-App entfernen"),
    (1050005, "QR-Code für die Authenticator-App"),
    (1050006, "{secret}"),
    (1050007, "Backup-Wiederherstellungscodes anzeigen"),
    (1050008, "Neue Backup-Wiederherstellungscodes erzeugen"),
    (1050009, "{secret}"),
    (
        1050010,
        "Das sind Ihre Backup-Wiederherstellungscodes. Bewahren Sie sie an einem sicheren Ort auf!",
    ),
    (1050011, "Backup-Wiederherstellungscodes bestätigen"),
    (1050012, "Sicherheitsschlüssel hinzufügen"),
    (1050013, "Name des Sicherheitsschlüssels"),
    (1050014, "Verwendet am {used_at_unix:date}"),
    (1050016, "Diese Methode deaktivieren"),
    (
        1050017,
        "Das ist der geheime Schlüssel für Ihre Authenticator-App. Verwenden Sie ihn, wenn Sie den QR-Code nicht scannen können.",
    ),
    (1050018, "Sicherheitsschlüssel „{display_name}“ entfernen"),
    (1050019, "Passkey hinzufügen"),
    (1050020, "Passkey „{display_name}“ entfernen"),
    (
        1050023,
        "Ihr Konto wird von Ihrer Organisation verwaltet. Wenden Sie sich für Änderungen an die Administration Ihrer Organisation.",
    ),
    (
        1060001,
        "Ihr Konto wurde wiederhergestellt. Bitte ändern Sie Ihr Passwort oder richten Sie innerhalb der nächsten {privileged_session_expires_at_unix:minutes_left} Min. eine andere Anmeldemöglichkeit ein.",
    ),
    (
        1060002,
        "Wir haben eine E-Mail mit einem Wiederherstellungslink an die angegebene Adresse gesendet. Falls sie nicht angekommen ist, prüfen Sie die Schreibweise und ob Sie die Adresse verwenden, mit der Sie sich registriert haben.",
    ),
    (
        1060003,
        "Wir haben eine E-Mail mit einem Wiederherstellungscode an die angegebene Adresse gesendet. Falls sie nicht angekommen ist, prüfen Sie die Schreibweise und ob Sie die Adresse verwenden, mit der Sie sich registriert haben.",
    ),
    (
        1060004,
        "Wir haben einen Wiederherstellungscode an {masked_address} gesendet. Falls er nicht angekommen ist, prüfen Sie die Schreibweise und ob Sie die Adresse verwenden, mit der Sie sich registriert haben.",
    ),
    (
        1060005,
        "Geben Sie Ihre Wiederherstellungsadresse vollständig ein, um wieder Zugriff auf Ihr Konto zu erhalten.",
    ),
    (1060006, "Wie möchten Sie Ihr Konto wiederherstellen?"),
    (1060007, "Zurück"),
    (1070001, "Passwort"),
    (1070002, "{title}"),
    (1070003, "Speichern"),
    (1070004, "Kennung"),
    (1070005, "Absenden"),
    (1070006, "Code bestätigen"),
    (1070007, "E-Mail"),
    (1070008, "Code erneut senden"),
    (1070009, "Weiter"),
    (1070010, "Wiederherstellungscode"),
    (1070011, "Bestätigungscode"),
    (1070012, "Registrierungscode"),
    (1070013, "Anmeldecode"),
    (1070014, "Anmelden und Zugang verknüpfen"),
    (
        1070015,
        "Bitte lösen Sie die Captcha-Aufgabe, um fortzufahren.",
    ),
    (1070016, "Wiederherstellungsadresse"),
    (1070017, "Telefonnummer"),
    (1070018, "E-Mail oder Telefonnummer"),
    (
        1080001,
        "Wir haben eine E-Mail mit einem Bestätigungslink an die angegebene Adresse gesendet. Falls sie nicht angekommen ist, prüfen Sie die Schreibweise und ob Sie die Adresse verwenden, mit der Sie sich registriert haben.",
    ),
    (1080002, "Ihre E-Mail-Adresse wurde bestätigt."),
    (
        1080003,
        "Wir haben eine E-Mail mit einem Bestätigungscode an die angegebene Adresse gesendet. Falls sie nicht angekommen ist, prüfen Sie die Schreibweise und ob Sie die Adresse verwenden, mit der Sie sich registriert haben.",
    ),
    (
        1080004,
        "Wir haben eine SMS mit einem Bestätigungscode an die angegebene Nummer gesendet. Falls sie nicht angekommen ist, prüfen Sie die Nummer und ob Sie die Nummer verwenden, mit der Sie sich registriert haben.",
    ),
    (1080005, "Ihre Telefonnummer wurde bestätigt."),
    (4000001, "{reason}"),
    (4000002, "Das Feld {property} fehlt."),
    (
        4000003,
        "Muss mindestens {min_length} Zeichen lang sein, hat aber {actual_length}.",
    ),
    (4000004, "Entspricht nicht dem Muster {pattern}."),
    (
        4000005,
        "Das Passwort kann nicht verwendet werden, weil {reason}.",
    ),
    (
        4000006,
        "Die Anmeldedaten sind ungültig. Prüfen Sie Passwort, Benutzername, E-Mail-Adresse oder Telefonnummer auf Tippfehler.",
    ),
    (
        4000007,
        "Ein Konto mit derselben Kennung (E-Mail, Telefon, Benutzername, …) existiert bereits.",
    ),
    (
        4000008,
        "Der Authentifizierungscode ist ungültig. Bitte versuchen Sie es erneut.",
    ),
    (
        4000009,
        "Es wurden keine Anmeldekennungen gefunden. Möglicherweise ist der Server falsch konfiguriert.",
    ),
    (
        4000010,
        "Ihr Konto ist noch nicht aktiv. Haben Sie Ihre E-Mail-Adresse schon bestätigt?",
    ),
    (4000011, "Sie haben keine Authenticator-App eingerichtet."),
    (
        4000012,
        "Dieser Backup-Wiederherstellungscode wurde bereits verwendet.",
    ),
    (
        4000013,
        "Sie haben keinen Sicherheitsschlüssel eingerichtet.",
    ),
    (
        4000014,
        "Sie haben keine Backup-Wiederherstellungscodes eingerichtet.",
    ),
    (
        4000015,
        "Dieses Konto existiert nicht oder hat keinen Sicherheitsschlüssel eingerichtet.",
    ),
    (4000016, "Der Backup-Wiederherstellungscode ist ungültig."),
    (
        4000017,
        "Darf höchstens {max_length} Zeichen lang sein, hat aber {actual_length}.",
    ),
    (
        4000018,
        "Muss mindestens {minimum} sein, ist aber {actual}.",
    ),
    (
        4000019,
        "Muss größer als {minimum} sein, ist aber {actual}.",
    ),
    (4000020, "Darf höchstens {maximum} sein, ist aber {actual}."),
    (
        4000021,
        "Muss kleiner als {maximum} sein, ist aber {actual}.",
    ),
    (4000022, "{actual} ist kein Vielfaches von {base}."),
    (
        4000023,
        "Höchstens {max_items} Einträge sind erlaubt, es sind aber {actual_items}.",
    ),
    (
        4000024,
        "Mindestens {min_items} Einträge sind nötig, es sind aber {actual_items}.",
    ),
    (
        4000025,
        "Die Einträge an Position {index_a} und {index_b} sind gleich.",
    ),
    (
        4000026,
        "Erwartet wurde {allowed_types}, erhalten {actual_type}.",
    ),
    (
        4000027,
        "Ein Konto mit derselben Kennung (E-Mail, Telefon, Benutzername, …) existiert bereits.",
    ),
    (
        4000028,
        "Ein Konto mit derselben Kennung (E-Mail, Telefon, Benutzername, …) existiert bereits. Melden Sie sich dort an, um fortzufahren.",
    ),
    (4000029, "Muss gleich {expected} sein."),
    (4000030, "Dieser Wert ist nicht erlaubt."),
    (
        4000031,
        "Das Passwort kann nicht verwendet werden, weil es der Kennung zu ähnlich ist.",
    ),
    (
        4000032,
        "Das Passwort muss mindestens {min_length} Zeichen lang sein, hat aber {actual_length}.",
    ),
    (
        4000033,
        "Das Passwort darf höchstens {max_length} Zeichen lang sein, hat aber {actual_length}.",
    ),
    (
        4000034,
        "Dieses Passwort ist in Datenlecks aufgetaucht und darf nicht mehr verwendet werden.",
    ),
    (
        4000035,
        "Dieses Konto existiert nicht oder hat die Anmeldung per Code nicht eingerichtet.",
    ),
    (
        4000036,
        "Die Angaben stimmen nicht mit den zuvor in diesem Vorgang gemachten überein.",
    ),
    (
        4000037,
        "Dieses Konto existiert nicht oder hat keine Anmeldemethode eingerichtet.",
    ),
    (
        4000038,
        "Die Captcha-Prüfung ist fehlgeschlagen. Bitte versuchen Sie es erneut.",
    ),
    (
        4000039,
        "Das neue Passwort muss sich vom alten unterscheiden.",
    ),
    (4000040, "Geben Sie eine gültige E-Mail-Adresse ein."),
    (4000041, "Geben Sie eine gültige Telefonnummer ein."),
    (4000042, "Sie haben keinen Geräteschlüssel eingerichtet."),
    (
        4000043,
        "Die Anmeldung mit Sicherheitsschlüssel oder Passkey ist ungültig. Bitte versuchen Sie es erneut.",
    ),
    (4000044, "Die Signatur des Geräteschlüssels ist ungültig."),
    (
        4000045,
        "Dieser Geräteschlüssel kann nicht mehr verwendet werden. Bitte registrieren Sie Ihr Gerät erneut.",
    ),
    (
        4000046,
        "Dieser Geräteschlüssel wurde vor Einführung der Benutzerprüfung registriert und kann nicht mehr verwendet werden. Bitte registrieren Sie Ihr Gerät erneut.",
    ),
    (
        4010001,
        "Das Anmeldeformular ist vor {expired_at_unix:minutes_ago} Min. abgelaufen. Bitte versuchen Sie es erneut.",
    ),
    (
        4010002,
        "Wir konnten Sie so nicht anmelden. Haben Sie das Formular richtig ausgefüllt?",
    ),
    (
        4010003,
        "Wir konnten Sie so nicht registrieren. Haben Sie das Formular richtig ausgefüllt?",
    ),
    (
        4010004,
        "Wir konnten Ihre Einstellungen so nicht ändern. Haben Sie das Formular richtig ausgefüllt?",
    ),
    (
        4010005,
        "Wir konnten Ihr Konto so nicht wiederherstellen. Haben Sie das Formular richtig ausgefüllt?",
    ),
    (
        4010006,
        "Wir konnten Ihr Konto so nicht bestätigen. Haben Sie das Formular richtig ausgefüllt?",
    ),
    (
        4010007,
        "Diese Anfrage wurde bereits abgeschlossen und kann nicht wiederholt werden.",
    ),
    (
        4010008,
        "Der Anmeldecode ist ungültig oder wurde bereits verwendet. Bitte versuchen Sie es erneut.",
    ),
    (
        4010009,
        "Die verknüpften Zugangsdaten stimmen nicht überein.",
    ),
    (
        4010010,
        "Die eingegebene Adresse gehört zu keiner Adresse dieses Kontos.",
    ),
    (
        4010011,
        "Dieses Konto wurde deaktiviert. Bitte wenden Sie sich an den Support.",
    ),
    (
        4040001,
        "Das Registrierungsformular ist vor {expired_at_unix:minutes_ago} Min. abgelaufen. Bitte versuchen Sie es erneut.",
    ),
    (
        4040002,
        "Diese Anfrage wurde bereits abgeschlossen und kann nicht wiederholt werden.",
    ),
    (
        4040003,
        "Der Registrierungscode ist ungültig oder wurde bereits verwendet. Bitte versuchen Sie es erneut.",
    ),
    (
        4050001,
        "Das Einstellungsformular ist vor {expired_at_unix:minutes_ago} Min. abgelaufen. Bitte versuchen Sie es erneut.",
    ),
    (
        4050002,
        "Sie können nur eine Adresse auf einmal ändern. Bitte ändern Sie die Adressen nacheinander.",
    ),
    (
        4060001,
        "Diese Anfrage wurde bereits abgeschlossen und kann nicht wiederholt werden.",
    ),
    (
        4060002,
        "Die Wiederherstellung ist fehlgeschlagen und muss neu gestartet werden.",
    ),
    (
        4060004,
        "Der Wiederherstellungslink ist ungültig oder wurde bereits verwendet. Bitte beginnen Sie erneut.",
    ),
    (
        4060005,
        "Das Wiederherstellungsformular ist vor {expired_at_unix:minutes_ago} Min. abgelaufen. Bitte versuchen Sie es erneut.",
    ),
    (
        4060006,
        "Der Wiederherstellungscode ist ungültig oder wurde bereits verwendet. Bitte versuchen Sie es erneut.",
    ),
    (
        4070001,
        "Der Bestätigungslink ist ungültig oder wurde bereits verwendet. Bitte beginnen Sie erneut.",
    ),
    (
        4070002,
        "Diese Anfrage wurde bereits abgeschlossen und kann nicht wiederholt werden.",
    ),
    (
        4070003,
        "Die Bestätigung ist fehlgeschlagen und muss neu gestartet werden.",
    ),
    (
        4070005,
        "Das Bestätigungsformular ist vor {expired_at_unix:minutes_ago} Min. abgelaufen. Bitte versuchen Sie es erneut.",
    ),
    (
        4070006,
        "Der Bestätigungscode ist ungültig oder wurde bereits verwendet. Bitte versuchen Sie es erneut.",
    ),
    (5000001, "{reason}"),
    (
        5000002,
        "Es sind keine Anmeldemethoden verfügbar. Bitte wenden Sie sich an die Administration.",
    ),
    (
        5000003,
        "Ihre Organisation verlangt Single Sign-on, aber es ist kein Anbieter eingerichtet. Bitte wenden Sie sich an die Administration.",
    ),
];

static PHRASES: &[(Phrase, &str)] = &[
    (Phrase::LoginTitle, "Anmelden"),
    (Phrase::RegistrationTitle, "Konto erstellen"),
    (Phrase::RecoveryTitle, "Konto wiederherstellen"),
    (Phrase::VerificationTitle, "Konto bestätigen"),
    (Phrase::SettingsTitle, "Kontoeinstellungen"),
    (Phrase::ErrorTitle, "Etwas ist schiefgelaufen"),
    (Phrase::Loading, "Wird geladen …"),
    (Phrase::StartOver, "Neu beginnen"),
    (Phrase::Home, "Startseite"),
    (
        Phrase::Unreachable,
        "Der Anmeldedienst ist nicht erreichbar. Bitte versuchen Sie es erneut.",
    ),
    (Phrase::NoAccount, "Noch kein Konto? Registrieren"),
    (Phrase::HaveAccount, "Schon ein Konto? Anmelden"),
    (Phrase::ForgotPassword, "Passwort vergessen?"),
    (Phrase::Welcome, "Willkommen"),
    (Phrase::SignedInAs, "Angemeldet als"),
    (Phrase::NotSignedIn, "Sie sind nicht angemeldet."),
    (
        Phrase::SecondFactor,
        "Ihr Konto ist mit einem zweiten Faktor geschützt. Bitte schließen Sie die Anmeldung damit ab.",
    ),
    (Phrase::SignOut, "Abmelden"),
    (Phrase::Continue, "Weiter"),
    (
        Phrase::ScriptFailed,
        "Passkeys und Sicherheitsschlüssel sind nicht verfügbar: Das Skript dafür konnte nicht geladen werden.",
    ),
    (Phrase::TryAgain, "Erneut versuchen"),
    (Phrase::Or, "oder"),
    (Phrase::GroupAccount, "Konto"),
    (Phrase::GroupProfile, "Profil"),
    (Phrase::GroupPassword, "Passwort"),
    (Phrase::GroupSocial, "Anmeldung über Drittanbieter"),
    (Phrase::GroupCode, "Einmalcode"),
    (Phrase::GroupLink, "E-Mail-Link"),
    (Phrase::GroupTotp, "Authenticator-App"),
    (Phrase::GroupBackupCodes, "Backup-Wiederherstellungscodes"),
    (Phrase::GroupSecurityKeys, "Sicherheitsschlüssel"),
    (Phrase::GroupPasskeys, "Passkeys"),
    (Phrase::GroupCaptcha, "Überprüfung"),
    (Phrase::GroupOther, "Weitere Optionen"),
    (Phrase::ChooseMethod, "Wie möchten Sie fortfahren?"),
    (Phrase::Back, "Zurück"),
    (Phrase::OtherMethod, "Andere Methode verwenden"),
    (Phrase::SessionsTitle, "Aktive Sitzungen"),
    (Phrase::ThisDevice, "Dieses Gerät"),
    (Phrase::UnknownDevice, "Unbekanntes Gerät"),
    (Phrase::SignedInSince, "Angemeldet"),
    (Phrase::Expires, "Läuft ab"),
    (Phrase::RevokeSession, "Diese Sitzung abmelden"),
    (Phrase::RevokeOtherSessions, "Überall sonst abmelden"),
    (Phrase::NoOtherSessions, "Keine weiteren aktiven Sitzungen."),
    (Phrase::SessionRevoked, "Abgemeldet."),
    (
        Phrase::TimedOut,
        "Kratos hat nicht rechtzeitig geantwortet. Ihre Eingaben sind erhalten – bitte versuchen Sie es erneut.",
    ),
    (
        Phrase::ForeignAction,
        "Dieses Formular verweist auf eine andere Website und wurde nicht gesendet.",
    ),
    (
        Phrase::UnsafeTarget,
        "Die Seite sollte eine Adresse öffnen, der sie nicht vertraut, und ist hier geblieben.",
    ),
    (
        Phrase::TooManyHops,
        "Dieses Formular wurde wiederholt ersetzt und angehalten. Bitte beginnen Sie von vorn.",
    ),
    (
        Phrase::ReturnToForbidden,
        "Die Adresse, zu der Sie danach zurückkehren sollten, ist nicht erlaubt und wurde weggelassen.",
    ),
    (
        Phrase::AlreadySignedIn,
        "Sie sind bereits angemeldet. Hier können Sie Ihr Passwort ändern.",
    ),
    (Phrase::UseAnotherAccount, "Anderes Konto verwenden"),
    (Phrase::ConsentTitle, "Zugriff erlauben"),
    (Phrase::ConsentAsks, "bittet um Zugriff auf Ihr Konto:"),
    (Phrase::ConsentRemember, "Entscheidung merken"),
    (Phrase::ConsentAllow, "Erlauben"),
    (Phrase::ConsentDeny, "Ablehnen"),
    (Phrase::PrivacyPolicy, "Datenschutzerklärung"),
    (Phrase::TermsOfService, "Nutzungsbedingungen"),
    (Phrase::LogoutQuestion, "Möchten Sie sich abmelden?"),
    (Phrase::LogoutAsks, "möchte Sie abmelden."),
    (Phrase::LogoutYes, "Ja, abmelden"),
    (Phrase::LogoutNo, "Nein, angemeldet bleiben"),
    (
        Phrase::OAuth2Unavailable,
        "Diese Seite ist nicht eingerichtet: Die App hat keinen OAuth2-Endpunkt dafür.",
    ),
    (Phrase::ScopeOpenid, "Ihre Konto-Kennung"),
    (Phrase::ScopeEmail, "Ihre E-Mail-Adresse"),
    (Phrase::ScopeProfile, "Ihr Profil (Name)"),
    (Phrase::ScopeOffline, "Angemeldet bleiben (Offline-Zugriff)"),
];
