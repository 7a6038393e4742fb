/// The languages simulated people write in.
enum SimLanguage: Sendable {
    case spanish, portuguese, english, german, french, japanese, chinese, arabic, hindi

    var phrasebook: SimPhrasebook {
        switch self {
        case .spanish: .spanish
        case .portuguese: .portuguese
        case .english: .english
        case .german: .german
        case .french: .french
        case .japanese: .japanese
        case .chinese: .chinese
        case .arabic: .arabic
        case .hindi: .hindi
        }
    }
}

/// What salespeople, AI agents and leads say in one language.
///
/// `{name}` is replaced by the lead's first name, `{agent}` by the agent's, `{company}` by the
/// lead's company. Call summaries and emails are written by vendors' AI in the lead's language
/// where that is common (Spanish, Portuguese, German, French) and in English otherwise, as real
/// deployments do.
struct SimPhrasebook: Sendable {
    /// WhatsApp templates that open a conversation.
    let openers: [String]
    /// Follow-ups by the agent (WhatsApp, SMS, chat).
    let agentMessages: [String]
    /// What leads write back.
    let leadMessages: [String]
    /// Call transcript: the agent's first turn.
    let callOpenings: [String]
    /// Call transcript: agent turns.
    let agentTurns: [String]
    /// Call transcript: lead turns.
    let leadTurns: [String]
    /// Call transcript: the agent's last turn.
    let callClosings: [String]
    /// A voicemail the agent leaves.
    let voicemails: [String]
    let callSummaries: [String]
    let emailSubjects: [String]
    /// Paragraphs an email body is made of.
    let emailParagraphs: [String]
    /// What a lead answers by email.
    let emailReplies: [String]
    /// Notes a salesperson writes on the lead.
    let notes: [String]
    let meetingTitle: String
    let meetingNotes: [String]
    /// The chat widget's greeting.
    let welcome: String
    let buttons: [String]
}

extension SimPhrasebook {
    static let english = SimPhrasebook(
        openers: [
            "Hi {name}, thanks for your interest in our plans! When is a good time for a quick call?",
            "Hello {name} 👋 this is {agent} from the sales team. I saw you requested a quote for {company}.",
            "Hi {name}, your demo request was received. Would you like to book a slot?",
        ],
        agentMessages: [
            "Just following up on my last message — do you have 10 minutes this week?",
            "Here is the pricing sheet we discussed. The annual plan includes onboarding at no cost.",
            "Great, I've booked Thursday at 3pm. You'll get a calendar invite shortly 📅",
            "No problem at all, I'll check back next month.",
            "Quick reminder: our call is tomorrow. Reply C to confirm or R to reschedule.",
            "Thanks for the call today! Summary and next steps are in your inbox.",
            "Is there anyone else on your team who should join the demo?",
        ],
        leadMessages: [
            "Yes, I'd like to learn more about pricing",
            "Can you call me after 5pm? I'm driving right now 🚗",
            "C",
            "We already use another provider, what makes you different?",
            "Sounds good 👍",
            "Please send the contract to my work email.",
            "Not interested at the moment, thanks.",
            "My colleague Sam will handle this from now on.",
            "How long does onboarding usually take?",
        ],
        callOpenings: ["Hi {name}, this is {agent} calling about the quote you requested for {company}. Is now a good time?"],
        agentTurns: [
            "Perfect. Could you tell me a bit about how you handle this today?",
            "Got it. How many people on your team would use it?",
            "Our standard plan starts at 49 dollars per seat per month, billed annually.",
            "That makes sense. Most of our customers see results within the first month.",
            "Would a demo next week work for you? I have Tuesday or Thursday afternoon.",
            "I can also send you a case study from a company in your industry.",
            "Is budget approved for this quarter, or is it planned for next year?",
            "Who else would be involved in the decision?",
        ],
        leadTurns: [
            "Yes, I have a few minutes.",
            "Right now we track everything in spreadsheets, and it's getting messy.",
            "About twelve people, maybe fifteen by the end of the year.",
            "Hmm, that's a bit more than we expected.",
            "Thursday works better for me.",
            "Sure, please send it over.",
            "We have some budget, but I need to talk to my manager first.",
            "Sorry, can you repeat that? The line is bad.",
            "Okay, that sounds reasonable.",
        ],
        callClosings: ["Great, I'll send the invite and a summary by email. Thanks for your time, {name}!"],
        voicemails: ["Hi {name}, this is {agent}. I'm calling about your request — I'll try again tomorrow, or call me back at this number. Thanks!"],
        callSummaries: [
            "Discussed pricing tiers and scheduled a demo for next week",
            "Lead is comparing providers; asked for a case study and a follow-up in two weeks",
            "Qualified: team of 12, budget pending manager approval, demo booked for Thursday",
            "Lead asked to be called back after 5pm; no decision yet",
            "Not a fit right now: they renewed with a competitor until next year",
        ],
        emailSubjects: ["Your demo is confirmed", "Pricing and next steps", "Following up on our call", "Your proposal for {company}"],
        emailParagraphs: [
            "Hi {name},",
            "Thanks again for taking the time to speak with me today. As promised, I'm sending over a short summary of what we discussed and the proposed next steps.",
            "The annual plan includes onboarding, unlimited support and access to every integration. If you decide before the end of the month, we can also include two additional seats at no cost.",
            "I've attached the pricing sheet and a case study from a company of a similar size. The short version: they cut their response time in half within six weeks.",
            "Let me know if Thursday at 3pm still works for the demo. If not, you can pick another slot with the link below.",
            "Best regards,\n{agent}",
        ],
        emailReplies: [
            "Thanks {agent}, Thursday works. I'll bring my manager along.",
            "Hi, could you send the proposal as a PDF? Our procurement team needs it.",
            "We decided to wait until next quarter. I'll reach out then.",
        ],
        notes: [
            "Prefers WhatsApp over calls. Decision maker is the operations manager.",
            "Asked for a discount for a 2-year contract — check with finance.",
            "Called twice, no answer. Try again Monday morning.",
            "Very interested; wants to start before the end of the month.",
        ],
        meetingTitle: "Product demo with {name}",
        meetingNotes: ["Demo went well, sending proposal", "Lead did not show up; rescheduling", "Good fit, needs approval from finance"],
        welcome: "Hello. How may I help you?",
        buttons: ["Book a call", "See pricing", "Talk to an agent"])

    static let spanish = SimPhrasebook(
        openers: [
            "Hola {name}, ¡gracias por tu interés! ¿Cuándo te acomoda una llamada corta?",
            "Hola {name} 👋 te escribe {agent} del equipo comercial. Vi que pediste una cotización para {company}.",
            "¡Hola {name}! Recibimos tu solicitud de demo. ¿Te gustaría agendar un horario?",
        ],
        agentMessages: [
            "Te escribo para retomar lo que conversamos, ¿tienes 10 minutos esta semana?",
            "Te comparto la tabla de precios. El plan anual incluye la implementación sin costo.",
            "Listo, quedó agendado el jueves a las 15:00. Te llegará la invitación al correo 📅",
            "No hay problema, te contacto el próximo mes.",
            "Recordatorio: nuestra llamada es mañana. Responde C para confirmar o R para reagendar.",
            "¡Gracias por la llamada de hoy! Te envié el resumen y los próximos pasos por correo.",
        ],
        leadMessages: [
            "Sí, me gustaría saber más sobre los precios",
            "¿Me puedes llamar después de las 17:00? Estoy manejando 🚗",
            "C",
            "Ya trabajamos con otro proveedor, ¿qué los diferencia?",
            "Perfecto 👍",
            "Envíame el contrato a mi correo del trabajo, por favor.",
            "Por ahora no me interesa, gracias.",
            "¿Cuánto se demora la implementación?",
            "Dale, hablemos el jueves 🙌",
        ],
        callOpenings: ["Hola {name}, te habla {agent}, te llamo por la cotización que pediste para {company}. ¿Tienes un minuto?"],
        agentTurns: [
            "Perfecto. ¿Cómo lo manejan hoy en día?",
            "Entiendo. ¿Cuántas personas de tu equipo lo usarían?",
            "El plan estándar parte en 45 mil pesos por usuario al mes, con facturación anual.",
            "Tiene sentido. La mayoría de nuestros clientes ve resultados el primer mes.",
            "¿Te acomoda una demo la próxima semana? Tengo martes o jueves en la tarde.",
            "También te puedo enviar un caso de éxito de una empresa de tu rubro.",
            "¿Tienen presupuesto aprobado para este trimestre?",
            "¿Quién más participa en la decisión?",
        ],
        leadTurns: [
            "Sí, tengo unos minutos.",
            "Hoy lo llevamos todo en planillas Excel y se está volviendo un caos.",
            "Somos como doce personas, quizás quince a fin de año.",
            "Mmm, es un poco más de lo que esperábamos.",
            "El jueves me acomoda más.",
            "Claro, mándamelo.",
            "Hay algo de presupuesto, pero tengo que hablarlo con mi jefe.",
            "Perdón, ¿me repites? Se corta la llamada.",
            "Ya, me parece razonable.",
        ],
        callClosings: ["Buenísimo, te envío la invitación y un resumen por correo. ¡Gracias por tu tiempo, {name}!"],
        voicemails: ["Hola {name}, te habla {agent}. Te llamaba por tu solicitud; vuelvo a intentar mañana o me puedes devolver el llamado a este número. ¡Saludos!"],
        callSummaries: [
            "Se revisaron los planes y precios; se agendó una demo para la próxima semana",
            "El lead está comparando proveedores; pidió un caso de éxito y seguimiento en dos semanas",
            "Calificado: equipo de 12 personas, presupuesto pendiente de aprobación, demo el jueves",
            "Pidió que lo llamen después de las 17:00; sin decisión aún",
        ],
        emailSubjects: ["Tu demo está confirmada", "Precios y próximos pasos", "Seguimiento de nuestra llamada", "Propuesta para {company}"],
        emailParagraphs: [
            "Hola {name},",
            "Gracias nuevamente por tu tiempo hoy. Como te comenté, te envío un breve resumen de lo conversado y los próximos pasos.",
            "El plan anual incluye la implementación, soporte ilimitado y acceso a todas las integraciones. Si lo confirmas antes de fin de mes, podemos sumar dos licencias adicionales sin costo.",
            "Adjunto la tabla de precios y un caso de éxito de una empresa de tamaño similar: redujeron a la mitad sus tiempos de respuesta en seis semanas.",
            "Confírmame si el jueves a las 15:00 sigue funcionando para la demo. Si no, puedes elegir otro horario en el enlace.",
            "Saludos cordiales,\n{agent}",
        ],
        emailReplies: [
            "Gracias {agent}, el jueves me sirve. Voy a invitar a mi jefa también.",
            "Hola, ¿me puedes mandar la propuesta en PDF? La necesita el área de compras.",
            "Decidimos esperar al próximo trimestre. Te escribo en ese momento.",
        ],
        notes: [
            "Prefiere WhatsApp antes que llamadas. Decide el gerente de operaciones.",
            "Pidió descuento por contrato de 2 años — revisar con finanzas.",
            "Llamé dos veces sin respuesta. Reintentar el lunes en la mañana.",
        ],
        meetingTitle: "Demo de producto con {name}",
        meetingNotes: ["La demo salió bien, se envía propuesta", "No se conectó; reagendar", "Buen fit, falta aprobación de finanzas"],
        welcome: "¡Hola! ¿En qué te puedo ayudar?",
        buttons: ["Agendar llamada", "Ver precios", "Hablar con un ejecutivo"])

    static let portuguese = SimPhrasebook(
        openers: [
            "Olá {name}, obrigado pelo interesse! Qual o melhor horário para uma ligação rápida?",
            "Oi {name} 👋 aqui é {agent}, do time comercial. Vi que você pediu um orçamento para a {company}.",
            "Olá {name}! Recebemos seu pedido de demonstração. Quer agendar um horário?",
        ],
        agentMessages: [
            "Passando para retomar nossa conversa: você tem 10 minutinhos esta semana?",
            "Segue a tabela de preços. O plano anual inclui a implantação sem custo.",
            "Combinado, ficou marcado quinta às 15h. O convite chega no seu e-mail 📅",
            "Sem problemas, volto a falar com você no mês que vem.",
            "Lembrete: nossa ligação é amanhã. Responda C para confirmar ou R para remarcar.",
        ],
        leadMessages: [
            "Sim, quero saber mais sobre os preços",
            "Pode me ligar depois das 17h? Estou dirigindo agora 🚗",
            "C",
            "Já usamos outro fornecedor, qual é o diferencial de vocês?",
            "Fechado 👍",
            "Manda o contrato para o meu e-mail do trabalho, por favor.",
            "No momento não tenho interesse, obrigado.",
            "Quanto tempo leva a implantação?",
        ],
        callOpenings: ["Olá {name}, aqui é {agent}, estou ligando sobre o orçamento que você pediu para a {company}. Pode falar agora?"],
        agentTurns: [
            "Perfeito. Como vocês fazem isso hoje?",
            "Entendi. Quantas pessoas da equipe usariam a ferramenta?",
            "O plano padrão começa em 199 reais por usuário por mês, no plano anual.",
            "Faz sentido. A maioria dos clientes vê resultado já no primeiro mês.",
            "Uma demonstração na semana que vem funciona para você? Tenho terça ou quinta à tarde.",
            "Posso te enviar também um case de uma empresa do seu setor.",
            "Vocês já têm orçamento aprovado para este trimestre?",
        ],
        leadTurns: [
            "Sim, tenho alguns minutos.",
            "Hoje controlamos tudo em planilhas, e está ficando confuso.",
            "Somos umas doze pessoas, talvez quinze até o fim do ano.",
            "Hum, é um pouco mais do que esperávamos.",
            "Quinta é melhor para mim.",
            "Claro, pode mandar.",
            "Temos algum orçamento, mas preciso falar com meu gestor.",
            "Desculpa, pode repetir? A ligação está cortando.",
        ],
        callClosings: ["Ótimo, vou mandar o convite e um resumo por e-mail. Obrigado pelo seu tempo, {name}!"],
        voicemails: ["Oi {name}, aqui é {agent}. Liguei sobre o seu pedido; tento de novo amanhã ou você pode retornar neste número. Abraço!"],
        callSummaries: [
            "Apresentados os planos e preços; demonstração agendada para a próxima semana",
            "Lead comparando fornecedores; pediu um case e retorno em duas semanas",
            "Qualificado: equipe de 12 pessoas, orçamento depende do gestor, demo na quinta",
        ],
        emailSubjects: ["Sua demonstração está confirmada", "Preços e próximos passos", "Retomando nossa conversa"],
        emailParagraphs: [
            "Olá {name},",
            "Obrigado mais uma vez pelo seu tempo hoje. Como combinado, envio um breve resumo do que conversamos e os próximos passos.",
            "O plano anual inclui implantação, suporte ilimitado e acesso a todas as integrações. Fechando até o fim do mês, incluímos duas licenças extras sem custo.",
            "Em anexo estão a tabela de preços e um case de uma empresa de porte parecido, que reduziu pela metade o tempo de resposta em seis semanas.",
            "Abraços,\n{agent}",
        ],
        emailReplies: [
            "Obrigado {agent}, quinta funciona. Vou chamar minha gestora também.",
            "Oi, pode mandar a proposta em PDF? O time de compras precisa dela.",
        ],
        notes: [
            "Prefere WhatsApp a ligações. Quem decide é o diretor de operações.",
            "Pediu desconto para contrato de 2 anos — verificar com o financeiro.",
        ],
        meetingTitle: "Demonstração do produto com {name}",
        meetingNotes: ["A demo foi ótima, enviando proposta", "Não compareceu; remarcar"],
        welcome: "Olá! Como posso ajudar?",
        buttons: ["Agendar ligação", "Ver preços"])

    static let german = SimPhrasebook(
        openers: [
            "Hallo {name}, vielen Dank für Ihr Interesse! Wann passt Ihnen ein kurzes Telefonat?",
            "Guten Tag {name}, hier ist {agent} aus dem Vertrieb. Sie hatten ein Angebot für {company} angefragt.",
        ],
        agentMessages: [
            "Ich wollte kurz nachhaken: Hätten Sie diese Woche 10 Minuten Zeit?",
            "Anbei die Preisübersicht. Im Jahresplan ist das Onboarding kostenlos enthalten.",
            "Super, Donnerstag 15 Uhr ist eingetragen. Die Einladung kommt per E-Mail 📅",
            "Kein Problem, ich melde mich nächsten Monat wieder.",
        ],
        leadMessages: [
            "Ja, ich würde gern mehr über die Preise erfahren",
            "Können Sie mich nach 17 Uhr anrufen? Ich sitze gerade im Auto 🚗",
            "Wir nutzen bereits einen Anbieter. Was ist bei Ihnen anders?",
            "Klingt gut 👍",
            "Bitte schicken Sie den Vertrag an meine Büroadresse.",
            "Aktuell kein Bedarf, danke.",
        ],
        callOpenings: ["Guten Tag {name}, hier ist {agent}. Ich rufe wegen Ihrer Anfrage für {company} an. Passt es gerade?"],
        agentTurns: [
            "Wie lösen Sie das heute?",
            "Verstehe. Wie viele Personen würden damit arbeiten?",
            "Der Standardplan beginnt bei 45 Euro pro Nutzer und Monat, jährlich abgerechnet.",
            "Passt Ihnen eine Demo nächste Woche, Dienstag oder Donnerstag nachmittags?",
            "Wer ist sonst noch an der Entscheidung beteiligt?",
        ],
        leadTurns: [
            "Ja, ich habe ein paar Minuten.",
            "Momentan läuft alles über Excel-Tabellen, das wird langsam unübersichtlich.",
            "Etwa zwölf Leute, bis Jahresende vielleicht fünfzehn.",
            "Hm, das ist etwas mehr als erwartet.",
            "Donnerstag passt mir besser.",
            "Das muss ich noch mit meiner Chefin abstimmen.",
        ],
        callClosings: ["Prima, ich schicke Ihnen die Einladung und eine Zusammenfassung. Vielen Dank, {name}!"],
        voicemails: ["Guten Tag {name}, hier ist {agent}. Ich melde mich wegen Ihrer Anfrage und versuche es morgen erneut. Schönen Tag!"],
        callSummaries: [
            "Preismodelle besprochen, Demo für nächste Woche vereinbart",
            "Interessent vergleicht Anbieter; wünscht Fallstudie und Rückmeldung in zwei Wochen",
        ],
        emailSubjects: ["Ihre Demo ist bestätigt", "Preise und nächste Schritte", "Ihr Angebot für {company}"],
        emailParagraphs: [
            "Hallo {name},",
            "vielen Dank für das angenehme Gespräch heute. Wie besprochen finden Sie hier eine kurze Zusammenfassung und die nächsten Schritte.",
            "Der Jahresplan umfasst Onboarding, unbegrenzten Support und alle Integrationen. Bei Zusage bis Monatsende legen wir zwei zusätzliche Lizenzen kostenlos dazu.",
            "Viele Grüße\n{agent}",
        ],
        emailReplies: ["Danke {agent}, Donnerstag passt. Ich bringe meine Kollegin mit."],
        notes: ["Bevorzugt E-Mail. Entscheidet zusammen mit der Geschäftsführung."],
        meetingTitle: "Produktdemo mit {name}",
        meetingNotes: ["Demo lief gut, Angebot folgt"],
        welcome: "Hallo! Wie kann ich helfen?",
        buttons: ["Termin buchen", "Preise ansehen"])

    static let french = SimPhrasebook(
        openers: [
            "Bonjour {name}, merci pour votre intérêt ! Quand êtes-vous disponible pour un court appel ?",
            "Bonjour {name} 👋 c'est {agent}, de l'équipe commerciale. J'ai vu votre demande de devis pour {company}.",
        ],
        agentMessages: [
            "Je reviens vers vous : auriez-vous 10 minutes cette semaine ?",
            "Voici la grille tarifaire. L'offre annuelle inclut l'accompagnement au démarrage.",
            "C'est noté pour jeudi à 15h, vous recevrez l'invitation par e-mail 📅",
            "Aucun souci, je vous recontacte le mois prochain.",
        ],
        leadMessages: [
            "Oui, j'aimerais en savoir plus sur les tarifs",
            "Vous pouvez m'appeler après 17h ? Je suis au volant 🚗",
            "On travaille déjà avec un prestataire, qu'est-ce qui vous distingue ?",
            "Ça marche 👍",
            "Pas intéressé pour le moment, merci.",
            "Combien de temps prend la mise en place ?",
        ],
        callOpenings: ["Bonjour {name}, c'est {agent}, je vous appelle au sujet de votre demande pour {company}. C'est un bon moment ?"],
        agentTurns: [
            "Comment gérez-vous cela aujourd'hui ?",
            "D'accord. Combien de personnes l'utiliseraient ?",
            "L'offre standard commence à 45 euros par utilisateur et par mois, facturée à l'année.",
            "Une démo la semaine prochaine vous conviendrait ? Mardi ou jeudi après-midi ?",
            "Qui d'autre participe à la décision ?",
        ],
        leadTurns: [
            "Oui, j'ai quelques minutes.",
            "Pour l'instant tout est dans des tableurs, ça devient compliqué.",
            "Une douzaine de personnes, peut-être quinze d'ici la fin de l'année.",
            "C'est un peu plus que prévu.",
            "Jeudi, c'est mieux pour moi.",
            "Je dois en parler à mon responsable.",
        ],
        callClosings: ["Parfait, je vous envoie l'invitation et un récapitulatif par e-mail. Merci {name} !"],
        voicemails: ["Bonjour {name}, c'est {agent}. Je vous appelais au sujet de votre demande, je réessaierai demain. Bonne journée !"],
        callSummaries: [
            "Présentation des offres et des tarifs ; démo planifiée la semaine prochaine",
            "Le prospect compare plusieurs solutions ; relance prévue dans deux semaines",
        ],
        emailSubjects: ["Votre démo est confirmée", "Tarifs et prochaines étapes"],
        emailParagraphs: [
            "Bonjour {name},",
            "Merci encore pour notre échange d'aujourd'hui. Comme convenu, voici un bref récapitulatif et les prochaines étapes.",
            "L'offre annuelle comprend la mise en place, un support illimité et toutes les intégrations. Pour une signature avant la fin du mois, nous ajoutons deux licences offertes.",
            "Bien cordialement,\n{agent}",
        ],
        emailReplies: ["Merci {agent}, jeudi me convient. Ma collègue se joindra à nous."],
        notes: ["Préfère être contacté par e-mail. Décision en comité le mois prochain."],
        meetingTitle: "Démo produit avec {name}",
        meetingNotes: ["Démo réussie, envoi de la proposition"],
        welcome: "Bonjour ! Comment puis-je vous aider ?",
        buttons: ["Réserver un appel", "Voir les tarifs"])

    static let japanese = SimPhrasebook(
        openers: [
            "{name}様、お問い合わせありがとうございます！お電話でのご説明はいつがご都合よろしいでしょうか？",
            "{name}様、営業担当の{agent}です。{company}様のお見積りのご依頼を拝見しました。",
        ],
        agentMessages: [
            "先日の件でご連絡しました。今週10分ほどお時間いただけますか？",
            "料金表をお送りします。年間プランには導入支援が含まれています。",
            "木曜15時で予約いたしました。招待メールをお送りします📅",
            "承知しました。来月また改めてご連絡いたします。",
        ],
        leadMessages: [
            "はい、料金について詳しく知りたいです",
            "17時以降にお電話いただけますか？今運転中です🚗",
            "すでに他社を使っていますが、違いは何ですか？",
            "了解です👍",
            "今は検討していません。ありがとうございます。",
        ],
        callOpenings: ["{name}様、{agent}です。{company}様のお見積りの件でお電話しました。今お時間よろしいでしょうか？"],
        agentTurns: [
            "現在はどのように管理されていますか？",
            "なるほど。何名様でご利用予定でしょうか？",
            "標準プランは1ユーザーあたり月額5,000円からです。",
            "来週デモはいかがでしょうか？火曜か木曜の午後が空いています。",
        ],
        leadTurns: [
            "はい、少しなら大丈夫です。",
            "今はエクセルで管理していて、かなり大変です。",
            "12名くらいです。年末には15名になるかもしれません。",
            "木曜の方が都合がいいです。",
            "上司と相談してからお返事します。",
        ],
        callClosings: ["ありがとうございます。招待と概要をメールでお送りします。{name}様、お時間いただきありがとうございました！"],
        voicemails: ["{name}様、{agent}です。お問い合わせの件でお電話しました。明日改めてご連絡いたします。"],
        callSummaries: ["Reviewed pricing in Japanese; lead will consult their manager. Demo proposed for Thursday."],
        emailSubjects: ["デモのご予約確認", "料金と今後の流れについて"],
        emailParagraphs: [
            "{name}様",
            "本日はお時間をいただき、誠にありがとうございました。お打ち合わせの内容と今後の流れをお送りします。",
            "年間プランには導入支援、無制限のサポート、すべての連携機能が含まれます。",
            "よろしくお願いいたします。\n{agent}",
        ],
        emailReplies: ["{agent}様、木曜日で問題ありません。よろしくお願いいたします。"],
        notes: ["Prefers email in Japanese. Decision needs approval from 部長."],
        meetingTitle: "{name}様 製品デモ",
        meetingNotes: ["デモ実施済み、見積書送付予定"],
        welcome: "こんにちは！ご用件をお聞かせください。",
        buttons: ["通話を予約", "料金を見る"])

    static let chinese = SimPhrasebook(
        openers: [
            "{name}您好，感谢您的关注！请问什么时候方便简单通个电话？",
            "{name}您好👋，我是销售团队的{agent}。看到您为{company}申请了报价。",
        ],
        agentMessages: [
            "跟进一下上次的沟通，这周您有十分钟时间吗？",
            "附上价格表。年度套餐包含免费的上线支持。",
            "好的，已经为您预约周四下午三点，邀请会发到您的邮箱📅",
            "没问题，下个月再联系您。",
        ],
        leadMessages: [
            "是的，我想了解一下价格",
            "可以下午五点以后打给我吗？我在开车🚗",
            "我们已经在用别家的产品了，你们有什么不同？",
            "好的👍",
            "暂时不需要，谢谢。",
        ],
        callOpenings: ["{name}您好，我是{agent}，关于{company}的报价想跟您沟通一下，现在方便吗？"],
        agentTurns: [
            "你们现在是怎么管理的？",
            "明白了。大概有多少人会使用？",
            "标准版每个用户每月299元，按年付费。",
            "下周安排一次演示可以吗？周二或周四下午都可以。",
        ],
        leadTurns: [
            "可以，我有几分钟。",
            "现在都用Excel表格，越来越乱了。",
            "大概十二个人，年底可能十五个。",
            "周四比较方便。",
            "我需要先和领导商量一下。",
        ],
        callClosings: ["好的，我会把邀请和总结发到您的邮箱。谢谢{name}！"],
        voicemails: ["{name}您好，我是{agent}，关于您的咨询给您来电，明天再联系您。"],
        callSummaries: ["Lead is interested; needs manager approval. Demo scheduled for Thursday afternoon."],
        emailSubjects: ["演示预约确认", "价格及后续安排"],
        emailParagraphs: [
            "{name}您好：",
            "感谢您今天抽出时间沟通。现将会议要点和后续安排整理如下。",
            "年度套餐包含上线支持、不限次数的技术支持以及全部集成功能。",
            "祝好！\n{agent}",
        ],
        emailReplies: ["{agent}您好，周四可以，谢谢。"],
        notes: ["Prefers WeChat-style short messages. Budget cycle starts in Q3."],
        meetingTitle: "与{name}的产品演示",
        meetingNotes: ["演示顺利，准备发送报价"],
        welcome: "您好！请问有什么可以帮您？",
        buttons: ["预约通话", "查看价格"])

    static let arabic = SimPhrasebook(
        openers: [
            "مرحباً {name}، شكراً لاهتمامك! ما هو الوقت المناسب لمكالمة قصيرة؟",
            "أهلاً {name} 👋 معك {agent} من فريق المبيعات. رأيت أنك طلبت عرض سعر لـ {company}.",
        ],
        agentMessages: [
            "أتابع معك بخصوص رسالتي السابقة، هل لديك عشر دقائق هذا الأسبوع؟",
            "مرفق جدول الأسعار. الخطة السنوية تشمل التهيئة مجاناً.",
            "تم الحجز يوم الخميس الساعة الثالثة عصراً، ستصلك الدعوة بالبريد 📅",
            "لا مشكلة، سأتواصل معك الشهر القادم.",
        ],
        leadMessages: [
            "نعم، أريد معرفة المزيد عن الأسعار",
            "هل يمكنك الاتصال بي بعد الخامسة؟ أنا أقود الآن 🚗",
            "نحن نتعامل مع مزود آخر، ما الذي يميزكم؟",
            "تمام 👍",
            "لست مهتماً حالياً، شكراً.",
        ],
        callOpenings: ["مرحباً {name}، معك {agent}، أتصل بخصوص عرض السعر الذي طلبته لـ {company}. هل الوقت مناسب؟"],
        agentTurns: [
            "كيف تديرون هذا الأمر حالياً؟",
            "فهمت. كم شخصاً سيستخدم النظام؟",
            "الخطة الأساسية تبدأ من 180 درهماً لكل مستخدم شهرياً.",
            "هل يناسبك عرض توضيحي الأسبوع القادم؟",
        ],
        leadTurns: [
            "نعم، لدي بضع دقائق.",
            "حالياً نستخدم جداول إكسل وأصبح الأمر مربكاً.",
            "حوالي اثني عشر شخصاً.",
            "يوم الخميس أنسب لي.",
            "يجب أن أستشير مديري أولاً.",
        ],
        callClosings: ["ممتاز، سأرسل لك الدعوة وملخصاً بالبريد. شكراً لوقتك يا {name}!"],
        voicemails: ["مرحباً {name}، معك {agent}. اتصلت بخصوص طلبك وسأحاول مجدداً غداً."],
        callSummaries: ["Lead interested in the annual plan; wants an Arabic-language demo next week."],
        emailSubjects: ["تأكيد موعد العرض التوضيحي", "الأسعار والخطوات التالية"],
        emailParagraphs: [
            "مرحباً {name}،",
            "شكراً لوقتك اليوم. كما اتفقنا، أرسل لك ملخصاً لما ناقشناه والخطوات التالية.",
            "تشمل الخطة السنوية التهيئة والدعم غير المحدود وجميع التكاملات.",
            "مع خالص التحية،\n{agent}",
        ],
        emailReplies: ["شكراً {agent}، يوم الخميس مناسب."],
        notes: ["Prefers Arabic. Call after 4pm local time (Gulf Standard Time)."],
        meetingTitle: "عرض توضيحي للمنتج مع {name}",
        meetingNotes: ["تم العرض بنجاح، سيتم إرسال العرض"],
        welcome: "مرحباً! كيف يمكنني مساعدتك؟",
        buttons: ["احجز مكالمة", "الأسعار"])

    static let hindi = SimPhrasebook(
        openers: [
            "नमस्ते {name} जी, आपकी रुचि के लिए धन्यवाद! छोटी सी कॉल के लिए कौन सा समय ठीक रहेगा?",
            "नमस्ते {name} 👋 मैं सेल्स टीम से {agent} बोल रहा हूँ। आपने {company} के लिए कोटेशन माँगा था।",
        ],
        agentMessages: [
            "पिछली बात के सिलसिले में — क्या इस हफ़्ते आपके पास 10 मिनट हैं?",
            "प्राइसिंग शीट भेज रहा हूँ। सालाना प्लान में ऑनबोर्डिंग मुफ़्त है।",
            "गुरुवार दोपहर 3 बजे बुक हो गया है, इनवाइट ईमेल पर आ जाएगा 📅",
        ],
        leadMessages: [
            "हाँ, मुझे प्राइसिंग के बारे में और जानना है",
            "क्या आप शाम 5 बजे के बाद कॉल कर सकते हैं? अभी गाड़ी चला रहा हूँ 🚗",
            "हम पहले से दूसरी कंपनी का इस्तेमाल करते हैं, आप में क्या अलग है?",
            "ठीक है 👍",
            "Price thoda zyada hai, discount milega?",
        ],
        callOpenings: ["नमस्ते {name} जी, मैं {agent} बोल रहा हूँ, {company} के कोटेशन के बारे में कॉल किया है। क्या अभी बात हो सकती है?"],
        agentTurns: [
            "अभी आप यह काम कैसे संभालते हैं?",
            "समझ गया। कितने लोग इसे इस्तेमाल करेंगे?",
            "स्टैंडर्ड प्लान 999 रुपये प्रति यूज़र प्रति महीने से शुरू होता है।",
            "क्या अगले हफ़्ते डेमो ठीक रहेगा?",
        ],
        leadTurns: [
            "हाँ, कुछ मिनट हैं।",
            "अभी सब कुछ एक्सेल में है, बहुत मुश्किल हो रहा है।",
            "लगभग बारह लोग।",
            "गुरुवार ठीक रहेगा।",
            "मुझे पहले अपने मैनेजर से बात करनी होगी।",
        ],
        callClosings: ["बढ़िया, मैं इनवाइट और सारांश ईमेल कर दूँगा। धन्यवाद {name} जी!"],
        voicemails: ["नमस्ते {name} जी, मैं {agent}। आपकी रिक्वेस्ट के बारे में कॉल किया था, कल फिर कोशिश करूँगा।"],
        callSummaries: ["Lead asked for a discount on the annual plan; demo booked, manager to join."],
        emailSubjects: ["आपका डेमो कन्फ़र्म है", "Pricing and next steps"],
        emailParagraphs: [
            "नमस्ते {name} जी,",
            "आज समय देने के लिए धन्यवाद। जैसा तय हुआ, बातचीत का सारांश और आगे के कदम भेज रहा हूँ।",
            "सालाना प्लान में ऑनबोर्डिंग, अनलिमिटेड सपोर्ट और सभी इंटीग्रेशन शामिल हैं।",
            "धन्यवाद,\n{agent}",
        ],
        emailReplies: ["धन्यवाद {agent}, गुरुवार ठीक है।"],
        notes: ["Hinglish speaker. Price sensitive; wants quarterly billing."],
        meetingTitle: "{name} के साथ प्रोडक्ट डेमो",
        meetingNotes: ["डेमो अच्छा रहा, प्रस्ताव भेजा जा रहा है"],
        welcome: "नमस्ते! मैं आपकी क्या मदद कर सकता हूँ?",
        buttons: ["कॉल बुक करें", "प्राइसिंग देखें"])
}
