//! Português.

use super::super::Phrase;
use super::Locale;

/// Portuguese.
pub static LOCALE: Locale = Locale {
    tag: "pt",
    name: "Português",
    messages: MESSAGES,
    phrases: PHRASES,
};

static MESSAGES: &[(i64, &str)] = &[
    (1010001, "Entrar"),
    (1010002, "Entrar com {provider}"),
    (1010003, "Confirme esta ação provando que é você."),
    (1010004, "Conclua a segunda etapa de autenticação."),
    (1010005, "Verificar"),
    (1010006, "Código de autenticação"),
    (1010007, "Código de recuperação de backup"),
    (1010008, "Entrar com uma chave de segurança"),
    (1010009, "Usar o app autenticador"),
    (1010010, "Usar um código de recuperação de backup"),
    (1010011, "Entrar com uma chave de segurança"),
    (
        1010012,
        "Prepare sua chave de segurança ou seu sensor biométrico e toque em Continuar.",
    ),
    (1010013, "Continuar"),
    (
        1010014,
        "Enviamos um código para o endereço informado. Se não o recebeu, confira a grafia do endereço e tente novamente.",
    ),
    (1010015, "Enviar código de acesso"),
    (
        1010016,
        "Você tentou entrar com {duplicate_identifier}, mas esse e-mail já pertence a outra conta. Entre nessa conta com uma das opções abaixo para adicionar {duplicate_identifier} como outra forma de acesso.",
    ),
    (1010017, "Entrar e vincular"),
    (1010018, "Confirmar com {provider}"),
    (1010019, "Solicitar código para continuar"),
    (1010021, "Entrar com chave de acesso"),
    (1010022, "Entrar com senha"),
    (1010023, "Enviar código para {address}"),
    (1010024, "Entrar com uma chave de segurança"),
    (
        1010025,
        "Enviamos um código para o seu endereço. Se não o recebeu, tente novamente.",
    ),
    (1040001, "Cadastrar"),
    (1040002, "Cadastrar com {provider}"),
    (1040003, "Continuar"),
    (1040004, "Cadastrar com chave de segurança"),
    (
        1040005,
        "Enviamos um código para o endereço informado. Se não o recebeu, confira a grafia do endereço e tente novamente.",
    ),
    (1040006, "Enviar código de cadastro"),
    (1040007, "Cadastrar com chave de acesso"),
    (1040008, "Voltar"),
    (1040009, "Escolha como você quer entrar daqui em diante."),
    (1050001, "Suas alterações foram salvas!"),
    (1050002, "Vincular {provider}"),
    (1050003, "Desvincular {provider}"),
    (1050004, "Remover o app autenticador"),
    (1050005, "QR code do app autenticador"),
    (1050006, "{secret}"),
    (1050007, "Mostrar códigos de recuperação"),
    (1050008, "Gerar novos códigos de recuperação"),
    (1050009, "{secret}"),
    (
        1050010,
        "Estes são seus códigos de recuperação de backup. Guarde-os em um lugar seguro!",
    ),
    (1050011, "Confirmar códigos de recuperação"),
    (1050012, "Adicionar chave de segurança"),
    (1050013, "Nome da chave de segurança"),
    (1050014, "Usado em {used_at_unix:date}"),
    (1050016, "Desativar este método"),
    (
        1050017,
        "Esta é a chave secreta do seu app autenticador. Use-a se não conseguir ler o QR code.",
    ),
    (1050018, "Remover a chave de segurança “{display_name}”"),
    (1050019, "Adicionar chave de acesso"),
    (1050020, "Remover a chave de acesso “{display_name}”"),
    (
        1050023,
        "Sua conta é gerenciada pela sua organização. Para alterar estas configurações, fale com o administrador dela.",
    ),
    (
        1060001,
        "Você recuperou sua conta. Altere sua senha ou configure outra forma de acesso nos próximos {privileged_session_expires_at_unix:minutes_left} min.",
    ),
    (
        1060002,
        "Enviamos um e-mail com um link de recuperação para o endereço informado. Se não o recebeu, confira a grafia e use o endereço do seu cadastro.",
    ),
    (
        1060003,
        "Enviamos um e-mail com um código de recuperação para o endereço informado. Se não o recebeu, confira a grafia e use o endereço do seu cadastro.",
    ),
    (
        1060004,
        "Enviamos um código de recuperação para {masked_address}. Se não o recebeu, confira a grafia e use o endereço do seu cadastro.",
    ),
    (
        1060005,
        "Recupere o acesso à sua conta informando seu endereço de recuperação completo.",
    ),
    (1060006, "Como você quer recuperar sua conta?"),
    (1060007, "Voltar"),
    (1070001, "Senha"),
    (1070002, "{title}"),
    (1070003, "Salvar"),
    (1070004, "Identificador"),
    (1070005, "Enviar"),
    (1070006, "Verificar código"),
    (1070007, "E-mail"),
    (1070008, "Reenviar código"),
    (1070009, "Continuar"),
    (1070010, "Código de recuperação"),
    (1070011, "Código de verificação"),
    (1070012, "Código de cadastro"),
    (1070013, "Código de acesso"),
    (1070014, "Entrar e vincular credencial"),
    (1070015, "Resolva o captcha para continuar."),
    (1070016, "Endereço de recuperação"),
    (1070017, "Número de telefone"),
    (1070018, "E-mail ou número de telefone"),
    (
        1080001,
        "Enviamos um e-mail com um link de verificação para o endereço informado. Se não o recebeu, confira a grafia e use o endereço do seu cadastro.",
    ),
    (1080002, "Seu endereço de e-mail foi verificado."),
    (
        1080003,
        "Enviamos um e-mail com um código de verificação para o endereço informado. Se não o recebeu, confira a grafia e use o endereço do seu cadastro.",
    ),
    (
        1080004,
        "Enviamos um SMS com um código de verificação para o número informado. Se não o recebeu, confira o número e use o número do seu cadastro.",
    ),
    (1080005, "Seu número de telefone foi verificado."),
    (4000001, "{reason}"),
    (4000002, "O campo {property} está faltando."),
    (
        4000003,
        "Deve ter pelo menos {min_length} caracteres, mas tem {actual_length}.",
    ),
    (4000004, "Não corresponde ao padrão {pattern}."),
    (4000005, "A senha não pode ser usada porque {reason}."),
    (
        4000006,
        "As credenciais são inválidas. Confira se há erros de digitação na senha, no nome de usuário, no e-mail ou no telefone.",
    ),
    (
        4000007,
        "Já existe uma conta com o mesmo identificador (e-mail, telefone, nome de usuário…).",
    ),
    (
        4000008,
        "O código de autenticação é inválido, tente novamente.",
    ),
    (
        4000009,
        "Nenhum identificador de acesso foi encontrado. O servidor pode estar mal configurado.",
    ),
    (
        4000010,
        "Sua conta ainda não está ativa. Você já verificou seu e-mail?",
    ),
    (4000011, "Você não configurou nenhum app autenticador."),
    (4000012, "Este código de recuperação já foi usado."),
    (4000013, "Você não configurou nenhuma chave de segurança."),
    (4000014, "Você não configurou códigos de recuperação."),
    (
        4000015,
        "Esta conta não existe ou não tem nenhuma chave de segurança configurada.",
    ),
    (4000016, "O código de recuperação é inválido."),
    (
        4000017,
        "Deve ter no máximo {max_length} caracteres, mas tem {actual_length}.",
    ),
    (4000018, "Deve ser pelo menos {minimum}, mas é {actual}."),
    (4000019, "Deve ser maior que {minimum}, mas é {actual}."),
    (4000020, "Deve ser no máximo {maximum}, mas é {actual}."),
    (4000021, "Deve ser menor que {maximum}, mas é {actual}."),
    (4000022, "{actual} não é múltiplo de {base}."),
    (
        4000023,
        "São permitidos no máximo {max_items} itens, mas há {actual_items}.",
    ),
    (
        4000024,
        "São necessários pelo menos {min_items} itens, mas há {actual_items}.",
    ),
    (
        4000025,
        "Os itens nas posições {index_a} e {index_b} são iguais.",
    ),
    (
        4000026,
        "Esperado: {allowed_types}; recebido: {actual_type}.",
    ),
    (
        4000027,
        "Já existe uma conta com o mesmo identificador (e-mail, telefone, nome de usuário…).",
    ),
    (
        4000028,
        "Já existe uma conta com o mesmo identificador (e-mail, telefone, nome de usuário…). Entre nela para continuar.",
    ),
    (4000029, "Deve ser igual a {expected}."),
    (4000030, "Este valor não é permitido."),
    (
        4000031,
        "A senha não pode ser usada porque é muito parecida com o identificador.",
    ),
    (
        4000032,
        "A senha deve ter pelo menos {min_length} caracteres, mas tem {actual_length}.",
    ),
    (
        4000033,
        "A senha deve ter no máximo {max_length} caracteres, mas tem {actual_length}.",
    ),
    (
        4000034,
        "Esta senha apareceu em vazamentos de dados e não deve mais ser usada.",
    ),
    (
        4000035,
        "Esta conta não existe ou não configurou o acesso por código.",
    ),
    (
        4000036,
        "Os dados não correspondem aos informados antes neste processo.",
    ),
    (
        4000037,
        "Esta conta não existe ou não tem nenhum método de acesso configurado.",
    ),
    (4000038, "A verificação do captcha falhou, tente novamente."),
    (4000039, "A nova senha deve ser diferente da anterior."),
    (4000040, "Informe um endereço de e-mail válido."),
    (4000041, "Informe um número de telefone válido."),
    (4000042, "Você não configurou nenhuma chave de dispositivo."),
    (
        4000043,
        "O acesso com chave de segurança ou chave de acesso é inválido, tente novamente.",
    ),
    (4000044, "A assinatura da chave de dispositivo é inválida."),
    (
        4000045,
        "Esta chave de dispositivo não pode mais ser usada. Cadastre seu dispositivo novamente.",
    ),
    (
        4000046,
        "Esta chave de dispositivo foi cadastrada antes da verificação de usuário e não pode mais ser usada. Cadastre seu dispositivo novamente.",
    ),
    (
        4010001,
        "O formulário de acesso expirou há {expired_at_unix:minutes_ago} min, tente novamente.",
    ),
    (
        4010002,
        "Não foi possível fazer seu login assim. Você preencheu o formulário corretamente?",
    ),
    (
        4010003,
        "Não foi possível fazer seu cadastro assim. Você preencheu o formulário corretamente?",
    ),
    (
        4010004,
        "Não foi possível alterar suas configurações assim. Você preencheu o formulário corretamente?",
    ),
    (
        4010005,
        "Não foi possível recuperar sua conta assim. Você preencheu o formulário corretamente?",
    ),
    (
        4010006,
        "Não foi possível verificar sua conta assim. Você preencheu o formulário corretamente?",
    ),
    (
        4010007,
        "Esta solicitação já foi concluída e não pode ser repetida.",
    ),
    (
        4010008,
        "O código de acesso é inválido ou já foi usado. Tente novamente.",
    ),
    (4010009, "As credenciais vinculadas não correspondem."),
    (
        4010010,
        "O endereço informado não corresponde a nenhum endereço desta conta.",
    ),
    (
        4010011,
        "Esta conta foi desativada. Entre em contato com o suporte.",
    ),
    (
        4040001,
        "O formulário de cadastro expirou há {expired_at_unix:minutes_ago} min, tente novamente.",
    ),
    (
        4040002,
        "Esta solicitação já foi concluída e não pode ser repetida.",
    ),
    (
        4040003,
        "O código de cadastro é inválido ou já foi usado. Tente novamente.",
    ),
    (
        4050001,
        "O formulário de configurações expirou há {expired_at_unix:minutes_ago} min, tente novamente.",
    ),
    (
        4050002,
        "Você só pode alterar um endereço por vez. Altere cada endereço separadamente.",
    ),
    (
        4060001,
        "Esta solicitação já foi concluída e não pode ser repetida.",
    ),
    (4060002, "A recuperação falhou e precisa ser reiniciada."),
    (
        4060004,
        "O link de recuperação é inválido ou já foi usado. Comece novamente.",
    ),
    (
        4060005,
        "O formulário de recuperação expirou há {expired_at_unix:minutes_ago} min, tente novamente.",
    ),
    (
        4060006,
        "O código de recuperação é inválido ou já foi usado. Tente novamente.",
    ),
    (
        4070001,
        "O link de verificação é inválido ou já foi usado. Comece novamente.",
    ),
    (
        4070002,
        "Esta solicitação já foi concluída e não pode ser repetida.",
    ),
    (4070003, "A verificação falhou e precisa ser reiniciada."),
    (
        4070005,
        "O formulário de verificação expirou há {expired_at_unix:minutes_ago} min, tente novamente.",
    ),
    (
        4070006,
        "O código de verificação é inválido ou já foi usado. Tente novamente.",
    ),
    (5000001, "{reason}"),
    (
        5000002,
        "Nenhum método de acesso está disponível. Entre em contato com o administrador do sistema.",
    ),
    (
        5000003,
        "Sua organização exige login único (SSO), mas nenhum provedor está configurado. Entre em contato com o administrador do sistema.",
    ),
];

static PHRASES: &[(Phrase, &str)] = &[
    (Phrase::LoginTitle, "Entrar"),
    (Phrase::RegistrationTitle, "Criar uma conta"),
    (Phrase::RecoveryTitle, "Recuperar sua conta"),
    (Phrase::VerificationTitle, "Verificar sua conta"),
    (Phrase::SettingsTitle, "Configurações da conta"),
    (Phrase::ErrorTitle, "Algo deu errado"),
    (Phrase::Loading, "Carregando…"),
    (Phrase::StartOver, "Recomeçar"),
    (Phrase::Home, "Início"),
    (
        Phrase::Unreachable,
        "Não foi possível acessar o serviço de login. Tente novamente.",
    ),
    (Phrase::NoAccount, "Não tem uma conta? Cadastre-se"),
    (Phrase::HaveAccount, "Já tem uma conta? Entre"),
    (Phrase::ForgotPassword, "Esqueceu sua senha?"),
    (Phrase::Welcome, "Boas-vindas"),
    (Phrase::SignedInAs, "Conectado como"),
    (Phrase::NotSignedIn, "Você não está conectado."),
    (
        Phrase::SecondFactor,
        "Sua conta é protegida por um segundo fator. Conclua-o para continuar.",
    ),
    (Phrase::SignOut, "Sair"),
    (Phrase::Continue, "Continuar"),
    (
        Phrase::ScriptFailed,
        "Chaves de acesso e chaves de segurança estão indisponíveis: não foi possível carregar o script delas.",
    ),
    (Phrase::TryAgain, "Tentar novamente"),
    (Phrase::Or, "ou"),
    (Phrase::GroupAccount, "Conta"),
    (Phrase::GroupProfile, "Perfil"),
    (Phrase::GroupPassword, "Senha"),
    (Phrase::GroupSocial, "Acesso com outros serviços"),
    (Phrase::GroupCode, "Código de uso único"),
    (Phrase::GroupLink, "Link por e-mail"),
    (Phrase::GroupTotp, "App autenticador"),
    (Phrase::GroupBackupCodes, "Códigos de recuperação"),
    (Phrase::GroupSecurityKeys, "Chaves de segurança"),
    (Phrase::GroupPasskeys, "Chaves de acesso"),
    (Phrase::GroupCaptcha, "Verificação"),
    (Phrase::GroupOther, "Mais opções"),
];
