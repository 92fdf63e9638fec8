//! Français.

use super::super::Phrase;
use super::Locale;

/// French.
pub static LOCALE: Locale = Locale {
    tag: "fr",
    name: "Français",
    messages: MESSAGES,
    phrases: PHRASES,
};

static MESSAGES: &[(i64, &str)] = &[
    (1010001, "Se connecter"),
    (1010002, "Se connecter avec {provider}"),
    (
        1010003,
        "Veuillez confirmer cette action en prouvant qu’il s’agit bien de vous.",
    ),
    (
        1010004,
        "Veuillez terminer la deuxième étape d’authentification.",
    ),
    (1010005, "Vérifier"),
    (1010006, "Code d’authentification"),
    (1010007, "Code de secours"),
    (1010008, "Se connecter avec une clé de sécurité"),
    (1010009, "Utiliser l’application d’authentification"),
    (1010010, "Utiliser un code de secours"),
    (1010011, "Se connecter avec une clé de sécurité"),
    (
        1010012,
        "Préparez votre clé de sécurité ou votre capteur biométrique, puis appuyez sur Continuer.",
    ),
    (1010013, "Continuer"),
    (
        1010014,
        "Un code a été envoyé à l’adresse indiquée. Si vous ne l’avez pas reçu, vérifiez l’orthographe de l’adresse et réessayez.",
    ),
    (1010015, "Envoyer un code de connexion"),
    (
        1010016,
        "Vous avez tenté de vous connecter avec {duplicate_identifier}, mais cette adresse e-mail est déjà utilisée par un autre compte. Connectez-vous à ce compte avec l’une des options ci-dessous pour y ajouter {duplicate_identifier} comme nouveau moyen de connexion.",
    ),
    (1010017, "Se connecter et associer"),
    (1010018, "Confirmer avec {provider}"),
    (1010019, "Demander un code pour continuer"),
    (1010021, "Se connecter avec une clé d’accès"),
    (1010022, "Se connecter avec un mot de passe"),
    (1010023, "Envoyer un code à {address}"),
    (1010024, "Se connecter avec une clé de sécurité"),
    (
        1010025,
        "Un code a été envoyé à votre adresse. Si vous ne l’avez pas reçu, veuillez réessayer.",
    ),
    (1040001, "S’inscrire"),
    (1040002, "S’inscrire avec {provider}"),
    (1040003, "Continuer"),
    (1040004, "S’inscrire avec une clé de sécurité"),
    (
        1040005,
        "Un code a été envoyé à l’adresse indiquée. Si vous ne l’avez pas reçu, vérifiez l’orthographe de l’adresse et réessayez.",
    ),
    (1040006, "Envoyer un code d’inscription"),
    (1040007, "S’inscrire avec une clé d’accès"),
    (1040008, "Retour"),
    (
        1040009,
        "Choisissez comment vous souhaitez vous connecter à l’avenir.",
    ),
    (1050001, "Vos modifications ont été enregistrées !"),
    (1050002, "Associer {provider}"),
    (1050003, "Dissocier {provider}"),
    (1050004, "Supprimer l’application d’authentification"),
    (1050005, "QR code pour l’application d’authentification"),
    (1050006, "{secret}"),
    (1050007, "Afficher les codes de secours"),
    (1050008, "Générer de nouveaux codes de secours"),
    (1050009, "{secret}"),
    (
        1050010,
        "Voici vos codes de secours. Conservez-les en lieu sûr !",
    ),
    (1050011, "Confirmer les codes de secours"),
    (1050012, "Ajouter une clé de sécurité"),
    (1050013, "Nom de la clé de sécurité"),
    (1050014, "Utilisé le {used_at_unix:date}"),
    (1050016, "Désactiver cette méthode"),
    (
        1050017,
        "Voici la clé secrète de votre application d’authentification. Utilisez-la si vous ne pouvez pas scanner le QR code.",
    ),
    (1050018, "Supprimer la clé de sécurité « {display_name} »"),
    (1050019, "Ajouter une clé d’accès"),
    (1050020, "Supprimer la clé d’accès « {display_name} »"),
    (
        1050023,
        "Votre compte est géré par votre organisation. Pour modifier ces paramètres, contactez son administrateur.",
    ),
    (
        1060001,
        "Votre compte a été récupéré. Veuillez changer votre mot de passe ou configurer un autre moyen de connexion dans les {privileged_session_expires_at_unix:minutes_left} min.",
    ),
    (
        1060002,
        "Un e-mail contenant un lien de récupération a été envoyé à l’adresse indiquée. Si vous ne l’avez pas reçu, vérifiez l’orthographe et utilisez l’adresse de votre inscription.",
    ),
    (
        1060003,
        "Un e-mail contenant un code de récupération a été envoyé à l’adresse indiquée. Si vous ne l’avez pas reçu, vérifiez l’orthographe et utilisez l’adresse de votre inscription.",
    ),
    (
        1060004,
        "Un code de récupération a été envoyé à {masked_address}. Si vous ne l’avez pas reçu, vérifiez l’orthographe et utilisez l’adresse de votre inscription.",
    ),
    (
        1060005,
        "Récupérez l’accès à votre compte en saisissant votre adresse de récupération en entier.",
    ),
    (1060006, "Comment souhaitez-vous récupérer votre compte ?"),
    (1060007, "Retour"),
    (1070001, "Mot de passe"),
    (1070002, "{title}"),
    (1070003, "Enregistrer"),
    (1070004, "Identifiant"),
    (1070005, "Envoyer"),
    (1070006, "Vérifier le code"),
    (1070007, "E-mail"),
    (1070008, "Renvoyer le code"),
    (1070009, "Continuer"),
    (1070010, "Code de récupération"),
    (1070011, "Code de vérification"),
    (1070012, "Code d’inscription"),
    (1070013, "Code de connexion"),
    (1070014, "Se connecter et associer l’identifiant"),
    (1070015, "Veuillez résoudre le captcha pour continuer."),
    (1070016, "Adresse de récupération"),
    (1070017, "Numéro de téléphone"),
    (1070018, "E-mail ou numéro de téléphone"),
    (
        1080001,
        "Un e-mail contenant un lien de vérification a été envoyé à l’adresse indiquée. Si vous ne l’avez pas reçu, vérifiez l’orthographe et utilisez l’adresse de votre inscription.",
    ),
    (1080002, "Votre adresse e-mail a bien été vérifiée."),
    (
        1080003,
        "Un e-mail contenant un code de vérification a été envoyé à l’adresse indiquée. Si vous ne l’avez pas reçu, vérifiez l’orthographe et utilisez l’adresse de votre inscription.",
    ),
    (
        1080004,
        "Un SMS contenant un code de vérification a été envoyé au numéro indiqué. Si vous ne l’avez pas reçu, vérifiez le numéro et utilisez celui de votre inscription.",
    ),
    (1080005, "Votre numéro de téléphone a bien été vérifié."),
    (4000001, "{reason}"),
    (4000002, "Le champ {property} est manquant."),
    (
        4000003,
        "Doit contenir au moins {min_length} caractères, mais en contient {actual_length}.",
    ),
    (4000004, "Ne correspond pas au format {pattern}."),
    (
        4000005,
        "Ce mot de passe ne peut pas être utilisé car {reason}.",
    ),
    (
        4000006,
        "Les identifiants sont incorrects. Vérifiez l’orthographe de votre mot de passe, nom d’utilisateur, adresse e-mail ou numéro de téléphone.",
    ),
    (
        4000007,
        "Un compte avec le même identifiant (e-mail, téléphone, nom d’utilisateur…) existe déjà.",
    ),
    (
        4000008,
        "Le code d’authentification est incorrect, veuillez réessayer.",
    ),
    (
        4000009,
        "Aucun identifiant de connexion n’a été trouvé. Le serveur est peut-être mal configuré.",
    ),
    (
        4000010,
        "Votre compte n’est pas encore actif. Avez-vous vérifié votre adresse e-mail ?",
    ),
    (
        4000011,
        "Vous n’avez configuré aucune application d’authentification.",
    ),
    (4000012, "Ce code de secours a déjà été utilisé."),
    (4000013, "Vous n’avez configuré aucune clé de sécurité."),
    (4000014, "Vous n’avez configuré aucun code de secours."),
    (
        4000015,
        "Ce compte n’existe pas ou n’a aucune clé de sécurité configurée.",
    ),
    (4000016, "Ce code de secours n’est pas valide."),
    (
        4000017,
        "Doit contenir au plus {max_length} caractères, mais en contient {actual_length}.",
    ),
    (4000018, "Doit être au moins {minimum}, mais vaut {actual}."),
    (
        4000019,
        "Doit être supérieur à {minimum}, mais vaut {actual}.",
    ),
    (4000020, "Doit être au plus {maximum}, mais vaut {actual}."),
    (
        4000021,
        "Doit être inférieur à {maximum}, mais vaut {actual}.",
    ),
    (4000022, "{actual} n’est pas un multiple de {base}."),
    (
        4000023,
        "{max_items} éléments au plus sont autorisés, mais il y en a {actual_items}.",
    ),
    (
        4000024,
        "Il faut au moins {min_items} éléments, mais il y en a {actual_items}.",
    ),
    (
        4000025,
        "Les éléments aux positions {index_a} et {index_b} sont identiques.",
    ),
    (
        4000026,
        "Type attendu : {allowed_types}, type reçu : {actual_type}.",
    ),
    (
        4000027,
        "Un compte avec le même identifiant (e-mail, téléphone, nom d’utilisateur…) existe déjà.",
    ),
    (
        4000028,
        "Un compte avec le même identifiant (e-mail, téléphone, nom d’utilisateur…) existe déjà. Connectez-vous à ce compte pour continuer.",
    ),
    (4000029, "Doit être égal à {expected}."),
    (4000030, "Cette valeur n’est pas autorisée."),
    (
        4000031,
        "Ce mot de passe ne peut pas être utilisé car il ressemble trop à l’identifiant.",
    ),
    (
        4000032,
        "Le mot de passe doit contenir au moins {min_length} caractères, mais en contient {actual_length}.",
    ),
    (
        4000033,
        "Le mot de passe doit contenir au plus {max_length} caractères, mais en contient {actual_length}.",
    ),
    (
        4000034,
        "Ce mot de passe figure dans des fuites de données et ne doit plus être utilisé.",
    ),
    (
        4000035,
        "Ce compte n’existe pas ou n’a pas activé la connexion par code.",
    ),
    (
        4000036,
        "Les informations ne correspondent pas à celles saisies précédemment.",
    ),
    (
        4000037,
        "Ce compte n’existe pas ou n’a aucune méthode de connexion configurée.",
    ),
    (
        4000038,
        "La vérification du captcha a échoué, veuillez réessayer.",
    ),
    (
        4000039,
        "Le nouveau mot de passe doit être différent de l’ancien.",
    ),
    (4000040, "Saisissez une adresse e-mail valide."),
    (4000041, "Saisissez un numéro de téléphone valide."),
    (4000042, "Vous n’avez configuré aucune clé d’appareil."),
    (
        4000043,
        "La connexion avec la clé de sécurité ou la clé d’accès est invalide, veuillez réessayer.",
    ),
    (4000044, "La signature de la clé d’appareil est invalide."),
    (
        4000045,
        "Cette clé d’appareil ne peut plus être utilisée. Veuillez enregistrer à nouveau votre appareil.",
    ),
    (
        4000046,
        "Cette clé d’appareil a été enregistrée avant l’introduction de la vérification de l’utilisateur et ne peut plus être utilisée. Veuillez enregistrer à nouveau votre appareil.",
    ),
    (
        4010001,
        "Le formulaire de connexion a expiré il y a {expired_at_unix:minutes_ago} min, veuillez réessayer.",
    ),
    (
        4010002,
        "Impossible de vous connecter de cette façon. Avez-vous bien rempli le formulaire ?",
    ),
    (
        4010003,
        "Impossible de vous inscrire de cette façon. Avez-vous bien rempli le formulaire ?",
    ),
    (
        4010004,
        "Impossible de modifier vos paramètres de cette façon. Avez-vous bien rempli le formulaire ?",
    ),
    (
        4010005,
        "Impossible de récupérer votre compte de cette façon. Avez-vous bien rempli le formulaire ?",
    ),
    (
        4010006,
        "Impossible de vérifier votre compte de cette façon. Avez-vous bien rempli le formulaire ?",
    ),
    (
        4010007,
        "Cette demande a déjà abouti et ne peut pas être répétée.",
    ),
    (
        4010008,
        "Le code de connexion est invalide ou a déjà été utilisé. Veuillez réessayer.",
    ),
    (4010009, "Les identifiants associés ne correspondent pas."),
    (
        4010010,
        "L’adresse saisie ne correspond à aucune adresse de ce compte.",
    ),
    (
        4010011,
        "Ce compte a été désactivé. Veuillez contacter l’assistance.",
    ),
    (
        4040001,
        "Le formulaire d’inscription a expiré il y a {expired_at_unix:minutes_ago} min, veuillez réessayer.",
    ),
    (
        4040002,
        "Cette demande a déjà abouti et ne peut pas être répétée.",
    ),
    (
        4040003,
        "Le code d’inscription est invalide ou a déjà été utilisé. Veuillez réessayer.",
    ),
    (
        4050001,
        "Le formulaire des paramètres a expiré il y a {expired_at_unix:minutes_ago} min, veuillez réessayer.",
    ),
    (
        4050002,
        "Vous ne pouvez modifier qu’une adresse à la fois. Veuillez les modifier séparément.",
    ),
    (
        4060001,
        "Cette demande a déjà abouti et ne peut pas être répétée.",
    ),
    (
        4060002,
        "La récupération a échoué et doit être recommencée.",
    ),
    (
        4060004,
        "Le lien de récupération est invalide ou a déjà été utilisé. Veuillez recommencer.",
    ),
    (
        4060005,
        "Le formulaire de récupération a expiré il y a {expired_at_unix:minutes_ago} min, veuillez réessayer.",
    ),
    (
        4060006,
        "Le code de récupération est invalide ou a déjà été utilisé. Veuillez réessayer.",
    ),
    (
        4070001,
        "Le lien de vérification est invalide ou a déjà été utilisé. Veuillez recommencer.",
    ),
    (
        4070002,
        "Cette demande a déjà abouti et ne peut pas être répétée.",
    ),
    (
        4070003,
        "La vérification a échoué et doit être recommencée.",
    ),
    (
        4070005,
        "Le formulaire de vérification a expiré il y a {expired_at_unix:minutes_ago} min, veuillez réessayer.",
    ),
    (
        4070006,
        "Le code de vérification est invalide ou a déjà été utilisé. Veuillez réessayer.",
    ),
    (5000001, "{reason}"),
    (
        5000002,
        "Aucune méthode de connexion n’est disponible. Veuillez contacter l’administrateur système.",
    ),
    (
        5000003,
        "Votre organisation exige une authentification unique (SSO), mais aucun fournisseur n’est configuré. Veuillez contacter l’administrateur système.",
    ),
];

static PHRASES: &[(Phrase, &str)] = &[
    (Phrase::LoginTitle, "Se connecter"),
    (Phrase::RegistrationTitle, "Créer un compte"),
    (Phrase::RecoveryTitle, "Récupérer votre compte"),
    (Phrase::VerificationTitle, "Vérifier votre compte"),
    (Phrase::SettingsTitle, "Paramètres du compte"),
    (Phrase::ErrorTitle, "Une erreur s’est produite"),
    (Phrase::Loading, "Chargement…"),
    (Phrase::StartOver, "Recommencer"),
    (Phrase::Home, "Accueil"),
    (
        Phrase::Unreachable,
        "Le service de connexion est injoignable. Veuillez réessayer.",
    ),
    (Phrase::NoAccount, "Pas encore de compte ? S’inscrire"),
    (Phrase::HaveAccount, "Déjà un compte ? Se connecter"),
    (Phrase::ForgotPassword, "Mot de passe oublié ?"),
    (Phrase::Welcome, "Bienvenue"),
    (Phrase::SignedInAs, "Connecté en tant que"),
    (Phrase::NotSignedIn, "Vous n’êtes pas connecté."),
    (
        Phrase::SecondFactor,
        "Votre compte est protégé par un second facteur. Veuillez l’utiliser pour continuer.",
    ),
    (Phrase::SignOut, "Se déconnecter"),
    (Phrase::Continue, "Continuer"),
    (
        Phrase::ScriptFailed,
        "Les clés d’accès et clés de sécurité sont indisponibles : leur script n’a pas pu être chargé.",
    ),
    (Phrase::TryAgain, "Réessayer"),
    (Phrase::Or, "ou"),
    (Phrase::GroupAccount, "Compte"),
    (Phrase::GroupProfile, "Profil"),
    (Phrase::GroupPassword, "Mot de passe"),
    (Phrase::GroupSocial, "Connexion via un service tiers"),
    (Phrase::GroupCode, "Code à usage unique"),
    (Phrase::GroupLink, "Lien par e-mail"),
    (Phrase::GroupTotp, "Application d’authentification"),
    (Phrase::GroupBackupCodes, "Codes de secours"),
    (Phrase::GroupSecurityKeys, "Clés de sécurité"),
    (Phrase::GroupPasskeys, "Clés d’accès"),
    (Phrase::GroupCaptcha, "Vérification"),
    (Phrase::GroupOther, "Autres options"),
    (Phrase::ChooseMethod, "Choisissez comment continuer"),
    (Phrase::Back, "Retour"),
    (Phrase::OtherMethod, "Utiliser une autre méthode"),
    (Phrase::SessionsTitle, "Sessions actives"),
    (Phrase::ThisDevice, "Cet appareil"),
    (Phrase::UnknownDevice, "Appareil inconnu"),
    (Phrase::SignedInSince, "Connecté"),
    (Phrase::Expires, "Expire"),
    (Phrase::RevokeSession, "Déconnecter cette session"),
    (
        Phrase::RevokeOtherSessions,
        "Se déconnecter partout ailleurs",
    ),
    (Phrase::NoOtherSessions, "Aucune autre session active."),
    (Phrase::SessionRevoked, "Déconnecté."),
    (
        Phrase::TimedOut,
        "Kratos n'a pas répondu à temps. Rien de ce que vous avez saisi n'est perdu : veuillez réessayer.",
    ),
    (
        Phrase::ForeignAction,
        "Ce formulaire pointe vers un autre site et n'a pas été envoyé.",
    ),
    (
        Phrase::UnsafeTarget,
        "La page devait ouvrir une adresse non fiable et est restée ici.",
    ),
    (
        Phrase::TooManyHops,
        "Ce formulaire a été remplacé trop de fois et a été arrêté. Veuillez recommencer.",
    ),
    (
        Phrase::ReturnToForbidden,
        "L'adresse de retour n'est pas autorisée ; elle a été ignorée.",
    ),
    (
        Phrase::AlreadySignedIn,
        "Vous êtes déjà connecté. Vous pouvez modifier votre mot de passe ici.",
    ),
    (Phrase::UseAnotherAccount, "Utiliser un autre compte"),
    (Phrase::ConsentTitle, "Autoriser l'accès"),
    (Phrase::ConsentAsks, "demande l'accès à votre compte :"),
    (Phrase::ConsentRemember, "Se souvenir de mon choix"),
    (Phrase::ConsentAllow, "Autoriser"),
    (Phrase::ConsentDeny, "Refuser"),
    (Phrase::PrivacyPolicy, "Politique de confidentialité"),
    (Phrase::TermsOfService, "Conditions d'utilisation"),
    (Phrase::LogoutQuestion, "Voulez-vous vous déconnecter ?"),
    (Phrase::LogoutAsks, "demande à vous déconnecter."),
    (Phrase::LogoutYes, "Oui, me déconnecter"),
    (Phrase::LogoutNo, "Non, rester connecté"),
    (
        Phrase::OAuth2Unavailable,
        "Cette page n'est pas configurée : l'application n'a pas de point d'accès OAuth2 pour elle.",
    ),
    (Phrase::ScopeOpenid, "L'identifiant de votre compte"),
    (Phrase::ScopeEmail, "Votre adresse e-mail"),
    (Phrase::ScopeProfile, "Votre profil (nom)"),
    (Phrase::ScopeOffline, "Rester connecté (accès hors ligne)"),
];
