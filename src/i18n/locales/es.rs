//! Español.

use super::super::Phrase;
use super::Locale;

/// Spanish.
pub static LOCALE: Locale = Locale {
    tag: "es",
    name: "Español",
    messages: MESSAGES,
    phrases: PHRASES,
};

static MESSAGES: &[(i64, &str)] = &[
    (1010001, "Iniciar sesión"),
    (1010002, "Iniciar sesión con {provider}"),
    (1010003, "Confirma esta acción demostrando que eres tú."),
    (1010004, "Completa el segundo paso de autenticación."),
    (1010005, "Verificar"),
    (1010006, "Código de autenticación"),
    (1010007, "Código de recuperación de respaldo"),
    (1010008, "Iniciar sesión con una llave de seguridad"),
    (1010009, "Usar la app de autenticación"),
    (1010010, "Usar un código de recuperación de respaldo"),
    (1010011, "Iniciar sesión con una llave de seguridad"),
    (
        1010012,
        "Prepara tu llave de seguridad o tu sensor biométrico y pulsa Continuar.",
    ),
    (1010013, "Continuar"),
    (
        1010014,
        "Hemos enviado un código a la dirección indicada. Si no lo has recibido, revisa cómo está escrita la dirección e inténtalo de nuevo.",
    ),
    (1010015, "Enviar código de acceso"),
    (
        1010016,
        "Intentaste iniciar sesión con {duplicate_identifier}, pero ese correo ya pertenece a otra cuenta. Inicia sesión en esa cuenta con una de las opciones de abajo para añadir {duplicate_identifier} como otra forma de acceder.",
    ),
    (1010017, "Iniciar sesión y vincular"),
    (1010018, "Confirmar con {provider}"),
    (1010019, "Solicitar un código para continuar"),
    (1010021, "Iniciar sesión con llave de acceso"),
    (1010022, "Iniciar sesión con contraseña"),
    (1010023, "Enviar código a {address}"),
    (1010024, "Iniciar sesión con una llave de seguridad"),
    (
        1010025,
        "Hemos enviado un código a tu dirección. Si no lo has recibido, inténtalo de nuevo.",
    ),
    (1040001, "Registrarse"),
    (1040002, "Registrarse con {provider}"),
    (1040003, "Continuar"),
    (1040004, "Registrarse con una llave de seguridad"),
    (
        1040005,
        "Hemos enviado un código a la dirección indicada. Si no lo has recibido, revisa cómo está escrita la dirección e inténtalo de nuevo.",
    ),
    (1040006, "Enviar código de registro"),
    (1040007, "Registrarse con llave de acceso"),
    (1040008, "Atrás"),
    (
        1040009,
        "Elige cómo quieres iniciar sesión a partir de ahora.",
    ),
    (1050001, "¡Tus cambios se han guardado!"),
    (1050002, "Vincular {provider}"),
    (1050003, "Desvincular {provider}"),
    (1050004, "Quitar la app de autenticación"),
    (1050005, "Código QR para la app de autenticación"),
    (1050006, "{secret}"),
    (1050007, "Mostrar los códigos de recuperación"),
    (1050008, "Generar nuevos códigos de recuperación"),
    (1050009, "{secret}"),
    (
        1050010,
        "Estos son tus códigos de recuperación de respaldo. ¡Guárdalos en un lugar seguro!",
    ),
    (1050011, "Confirmar los códigos de recuperación"),
    (1050012, "Añadir llave de seguridad"),
    (1050013, "Nombre de la llave de seguridad"),
    (1050014, "Usado el {used_at_unix:date}"),
    (1050016, "Desactivar este método"),
    (
        1050017,
        "Esta es la clave secreta de tu app de autenticación. Úsala si no puedes escanear el código QR.",
    ),
    (1050018, "Quitar la llave de seguridad «{display_name}»"),
    (1050019, "Añadir llave de acceso"),
    (1050020, "Quitar la llave de acceso «{display_name}»"),
    (
        1050023,
        "Tu cuenta la gestiona tu organización. Para cambiar estos ajustes, contacta con su administrador.",
    ),
    (
        1060001,
        "Has recuperado tu cuenta. Cambia tu contraseña o configura otra forma de acceso en los próximos {privileged_session_expires_at_unix:minutes_left} min.",
    ),
    (
        1060002,
        "Hemos enviado un correo con un enlace de recuperación a la dirección indicada. Si no lo has recibido, revisa cómo está escrita y usa la dirección con la que te registraste.",
    ),
    (
        1060003,
        "Hemos enviado un correo con un código de recuperación a la dirección indicada. Si no lo has recibido, revisa cómo está escrita y usa la dirección con la que te registraste.",
    ),
    (
        1060004,
        "Hemos enviado un código de recuperación a {masked_address}. Si no lo has recibido, revisa cómo está escrita y usa la dirección con la que te registraste.",
    ),
    (
        1060005,
        "Recupera el acceso a tu cuenta escribiendo tu dirección de recuperación completa.",
    ),
    (1060006, "¿Cómo quieres recuperar tu cuenta?"),
    (1060007, "Atrás"),
    (1070001, "Contraseña"),
    (1070002, "{title}"),
    (1070003, "Guardar"),
    (1070004, "Identificador"),
    (1070005, "Enviar"),
    (1070006, "Verificar código"),
    (1070007, "Correo electrónico"),
    (1070008, "Reenviar código"),
    (1070009, "Continuar"),
    (1070010, "Código de recuperación"),
    (1070011, "Código de verificación"),
    (1070012, "Código de registro"),
    (1070013, "Código de acceso"),
    (1070014, "Iniciar sesión y vincular credencial"),
    (1070015, "Completa el captcha para continuar."),
    (1070016, "Dirección de recuperación"),
    (1070017, "Número de teléfono"),
    (1070018, "Correo electrónico o número de teléfono"),
    (
        1080001,
        "Hemos enviado un correo con un enlace de verificación a la dirección indicada. Si no lo has recibido, revisa cómo está escrita y usa la dirección con la que te registraste.",
    ),
    (
        1080002,
        "Has verificado tu dirección de correo electrónico.",
    ),
    (
        1080003,
        "Hemos enviado un correo con un código de verificación a la dirección indicada. Si no lo has recibido, revisa cómo está escrita y usa la dirección con la que te registraste.",
    ),
    (
        1080004,
        "Hemos enviado un SMS con un código de verificación al número indicado. Si no lo has recibido, revisa el número y usa el número con el que te registraste.",
    ),
    (1080005, "Has verificado tu número de teléfono."),
    (4000001, "{reason}"),
    (4000002, "Falta el campo {property}."),
    (
        4000003,
        "Debe tener al menos {min_length} caracteres, pero tiene {actual_length}.",
    ),
    (4000004, "No coincide con el formato {pattern}."),
    (4000005, "No se puede usar la contraseña porque {reason}."),
    (
        4000006,
        "Las credenciales no son válidas. Revisa si hay errores en tu contraseña, nombre de usuario, correo o número de teléfono.",
    ),
    (
        4000007,
        "Ya existe una cuenta con el mismo identificador (correo, teléfono, nombre de usuario…).",
    ),
    (
        4000008,
        "El código de autenticación no es válido, inténtalo de nuevo.",
    ),
    (
        4000009,
        "No se encontró ningún identificador de acceso. Puede que el servidor esté mal configurado.",
    ),
    (
        4000010,
        "Tu cuenta aún no está activa. ¿Has verificado tu correo electrónico?",
    ),
    (
        4000011,
        "No tienes ninguna app de autenticación configurada.",
    ),
    (4000012, "Este código de recuperación ya se ha usado."),
    (4000013, "No tienes ninguna llave de seguridad configurada."),
    (4000014, "No tienes códigos de recuperación configurados."),
    (
        4000015,
        "Esta cuenta no existe o no tiene ninguna llave de seguridad configurada.",
    ),
    (4000016, "El código de recuperación no es válido."),
    (
        4000017,
        "Debe tener como máximo {max_length} caracteres, pero tiene {actual_length}.",
    ),
    (4000018, "Debe ser al menos {minimum}, pero es {actual}."),
    (4000019, "Debe ser mayor que {minimum}, pero es {actual}."),
    (4000020, "Debe ser como máximo {maximum}, pero es {actual}."),
    (4000021, "Debe ser menor que {maximum}, pero es {actual}."),
    (4000022, "{actual} no es múltiplo de {base}."),
    (
        4000023,
        "Se permiten como máximo {max_items} elementos, pero hay {actual_items}.",
    ),
    (
        4000024,
        "Se necesitan al menos {min_items} elementos, pero hay {actual_items}.",
    ),
    (
        4000025,
        "Los elementos de las posiciones {index_a} y {index_b} son iguales.",
    ),
    (
        4000026,
        "Se esperaba {allowed_types}, pero se recibió {actual_type}.",
    ),
    (
        4000027,
        "Ya existe una cuenta con el mismo identificador (correo, teléfono, nombre de usuario…).",
    ),
    (
        4000028,
        "Ya existe una cuenta con el mismo identificador (correo, teléfono, nombre de usuario…). Inicia sesión en ella para continuar.",
    ),
    (4000029, "Debe ser igual a {expected}."),
    (4000030, "Este valor no está permitido."),
    (
        4000031,
        "No se puede usar la contraseña porque se parece demasiado al identificador.",
    ),
    (
        4000032,
        "La contraseña debe tener al menos {min_length} caracteres, pero tiene {actual_length}.",
    ),
    (
        4000033,
        "La contraseña debe tener como máximo {max_length} caracteres, pero tiene {actual_length}.",
    ),
    (
        4000034,
        "Esta contraseña aparece en filtraciones de datos y ya no debe usarse.",
    ),
    (
        4000035,
        "Esta cuenta no existe o no tiene configurado el acceso con código.",
    ),
    (
        4000036,
        "Los datos no coinciden con los indicados antes en este proceso.",
    ),
    (
        4000037,
        "Esta cuenta no existe o no tiene ningún método de acceso configurado.",
    ),
    (
        4000038,
        "La verificación del captcha ha fallado, inténtalo de nuevo.",
    ),
    (
        4000039,
        "La nueva contraseña debe ser distinta de la anterior.",
    ),
    (4000040, "Introduce una dirección de correo válida."),
    (4000041, "Introduce un número de teléfono válido."),
    (
        4000042,
        "No tienes ninguna llave de dispositivo configurada.",
    ),
    (
        4000043,
        "El acceso con llave de seguridad o llave de acceso no es válido, inténtalo de nuevo.",
    ),
    (4000044, "La firma de la llave de dispositivo no es válida."),
    (
        4000045,
        "Esta llave de dispositivo ya no se puede usar. Vuelve a registrar tu dispositivo.",
    ),
    (
        4000046,
        "Esta llave de dispositivo se registró antes de que existiera la verificación de usuario y ya no se puede usar. Vuelve a registrar tu dispositivo.",
    ),
    (
        4010001,
        "El formulario de acceso caducó hace {expired_at_unix:minutes_ago} min, inténtalo de nuevo.",
    ),
    (
        4010002,
        "No hemos podido iniciar tu sesión así. ¿Has rellenado bien el formulario?",
    ),
    (
        4010003,
        "No hemos podido registrarte así. ¿Has rellenado bien el formulario?",
    ),
    (
        4010004,
        "No hemos podido cambiar tus ajustes así. ¿Has rellenado bien el formulario?",
    ),
    (
        4010005,
        "No hemos podido recuperar tu cuenta así. ¿Has rellenado bien el formulario?",
    ),
    (
        4010006,
        "No hemos podido verificar tu cuenta así. ¿Has rellenado bien el formulario?",
    ),
    (
        4010007,
        "Esta solicitud ya se completó y no se puede repetir.",
    ),
    (
        4010008,
        "El código de acceso no es válido o ya se ha usado. Inténtalo de nuevo.",
    ),
    (4010009, "Las credenciales vinculadas no coinciden."),
    (
        4010010,
        "La dirección introducida no coincide con ninguna dirección de esta cuenta.",
    ),
    (
        4010011,
        "Esta cuenta está desactivada. Contacta con el soporte.",
    ),
    (
        4040001,
        "El formulario de registro caducó hace {expired_at_unix:minutes_ago} min, inténtalo de nuevo.",
    ),
    (
        4040002,
        "Esta solicitud ya se completó y no se puede repetir.",
    ),
    (
        4040003,
        "El código de registro no es válido o ya se ha usado. Inténtalo de nuevo.",
    ),
    (
        4050001,
        "El formulario de ajustes caducó hace {expired_at_unix:minutes_ago} min, inténtalo de nuevo.",
    ),
    (
        4050002,
        "Solo puedes cambiar una dirección cada vez. Cámbialas por separado.",
    ),
    (
        4060001,
        "Esta solicitud ya se completó y no se puede repetir.",
    ),
    (
        4060002,
        "La recuperación ha fallado y debe empezar de nuevo.",
    ),
    (
        4060004,
        "El enlace de recuperación no es válido o ya se ha usado. Empieza de nuevo.",
    ),
    (
        4060005,
        "El formulario de recuperación caducó hace {expired_at_unix:minutes_ago} min, inténtalo de nuevo.",
    ),
    (
        4060006,
        "El código de recuperación no es válido o ya se ha usado. Inténtalo de nuevo.",
    ),
    (
        4070001,
        "El enlace de verificación no es válido o ya se ha usado. Empieza de nuevo.",
    ),
    (
        4070002,
        "Esta solicitud ya se completó y no se puede repetir.",
    ),
    (
        4070003,
        "La verificación ha fallado y debe empezar de nuevo.",
    ),
    (
        4070005,
        "El formulario de verificación caducó hace {expired_at_unix:minutes_ago} min, inténtalo de nuevo.",
    ),
    (
        4070006,
        "El código de verificación no es válido o ya se ha usado. Inténtalo de nuevo.",
    ),
    (5000001, "{reason}"),
    (
        5000002,
        "No hay ningún método de acceso disponible. Contacta con el administrador del sistema.",
    ),
    (
        5000003,
        "Tu organización exige inicio de sesión único (SSO), pero no hay ningún proveedor configurado. Contacta con el administrador del sistema.",
    ),
];

static PHRASES: &[(Phrase, &str)] = &[
    (Phrase::LoginTitle, "Iniciar sesión"),
    (Phrase::RegistrationTitle, "Crear una cuenta"),
    (Phrase::RecoveryTitle, "Recuperar tu cuenta"),
    (Phrase::VerificationTitle, "Verificar tu cuenta"),
    (Phrase::SettingsTitle, "Ajustes de la cuenta"),
    (Phrase::ErrorTitle, "Algo ha salido mal"),
    (Phrase::Loading, "Cargando…"),
    (Phrase::StartOver, "Empezar de nuevo"),
    (Phrase::Home, "Inicio"),
    (
        Phrase::Unreachable,
        "No se ha podido conectar con el servicio de acceso. Inténtalo de nuevo.",
    ),
    (Phrase::NoAccount, "¿No tienes cuenta? Regístrate"),
    (Phrase::HaveAccount, "¿Ya tienes cuenta? Inicia sesión"),
    (Phrase::ForgotPassword, "¿Has olvidado tu contraseña?"),
    (Phrase::Welcome, "Te damos la bienvenida"),
    (Phrase::SignedInAs, "Sesión iniciada como"),
    (Phrase::NotSignedIn, "No has iniciado sesión."),
    (
        Phrase::SecondFactor,
        "Tu cuenta está protegida con un segundo factor. Complétalo para continuar.",
    ),
    (Phrase::SignOut, "Cerrar sesión"),
    (Phrase::Continue, "Continuar"),
    (
        Phrase::ScriptFailed,
        "Las llaves de acceso y de seguridad no están disponibles: no se pudo cargar su script.",
    ),
    (Phrase::TryAgain, "Reintentar"),
    (Phrase::Or, "o"),
    (Phrase::GroupAccount, "Cuenta"),
    (Phrase::GroupProfile, "Perfil"),
    (Phrase::GroupPassword, "Contraseña"),
    (Phrase::GroupSocial, "Acceso con otros servicios"),
    (Phrase::GroupCode, "Código de un solo uso"),
    (Phrase::GroupLink, "Enlace por correo"),
    (Phrase::GroupTotp, "App de autenticación"),
    (Phrase::GroupBackupCodes, "Códigos de recuperación"),
    (Phrase::GroupSecurityKeys, "Llaves de seguridad"),
    (Phrase::GroupPasskeys, "Llaves de acceso"),
    (Phrase::GroupCaptcha, "Verificación"),
    (Phrase::GroupOther, "Más opciones"),
    (Phrase::ChooseMethod, "Elija cómo continuar"),
    (Phrase::Back, "Atrás"),
    (Phrase::OtherMethod, "Usar otro método"),
    (Phrase::SessionsTitle, "Sesiones activas"),
    (Phrase::ThisDevice, "Este dispositivo"),
    (Phrase::UnknownDevice, "Dispositivo desconocido"),
    (Phrase::SignedInSince, "Sesión iniciada"),
    (Phrase::Expires, "Caduca"),
    (Phrase::RevokeSession, "Cerrar esta sesión"),
    (
        Phrase::RevokeOtherSessions,
        "Cerrar sesión en los demás dispositivos",
    ),
    (Phrase::NoOtherSessions, "No hay otras sesiones activas."),
    (Phrase::SessionRevoked, "Sesión cerrada."),
    (
        Phrase::TimedOut,
        "Kratos no respondió a tiempo. No se ha perdido nada de lo que escribió: inténtelo de nuevo.",
    ),
    (
        Phrase::ForeignAction,
        "Este formulario apunta a otro sitio y no se ha enviado.",
    ),
    (
        Phrase::UnsafeTarget,
        "Se pidió a la página abrir una dirección en la que no confía, y se ha quedado aquí.",
    ),
    (
        Phrase::TooManyHops,
        "Este formulario se reemplazó demasiadas veces y se detuvo. Vuelva a empezar.",
    ),
    (
        Phrase::ReturnToForbidden,
        "La dirección de regreso no está permitida y se ha omitido.",
    ),
    (
        Phrase::AlreadySignedIn,
        "Ya ha iniciado sesión. Aquí puede cambiar su contraseña.",
    ),
    (Phrase::UseAnotherAccount, "Usar otra cuenta"),
];
