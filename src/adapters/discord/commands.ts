/**
 * The slash commands, as the JSON Discord registers. Names and descriptions are localised so members
 * see /demander, /fragen… in their client's language; the handler always receives the base name.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const ASK_COMMAND = 'ask';
export const CORPUS_COMMAND = 'corpus';
export const EVENTS_COMMAND = 'events';
export const QUESTION_OPTION = 'question';
/** Discord's own cap on a string option; the engine applies SOGA_MAX_QUESTION_CHARS after it. */
const MAX_QUESTION_OPTION_LENGTH = 4000;

type Localised = Partial<Record<'fr' | 'en-US' | 'en-GB' | 'es-ES' | 'de' | 'it' | 'pt-BR' | 'nl', string>>;

function both(en: string, others: Omit<Localised, 'en-US' | 'en-GB'>): Localised {
  return { 'en-US': en, 'en-GB': en, ...others };
}

const askNames = both('ask', { fr: 'demander', 'es-ES': 'preguntar', de: 'fragen', it: 'chiedi', 'pt-BR': 'perguntar', nl: 'vraag' });
const askDescriptions = both('Ask a question about the SOGA articles', {
  fr: 'Poser une question sur les articles du SOGA',
  'es-ES': 'Hacer una pregunta sobre los artículos del SOGA',
  de: 'Eine Frage zu den Artikeln des SOGA stellen',
  it: 'Fai una domanda sugli articoli del SOGA',
  'pt-BR': 'Fazer uma pergunta sobre os artigos do SOGA',
  nl: 'Stel een vraag over de artikelen van SOGA',
});
const questionNames = both('question', { fr: 'question', 'es-ES': 'pregunta', de: 'frage', it: 'domanda', 'pt-BR': 'pergunta', nl: 'vraag' });
const questionDescriptions = both('Your question, in any language', {
  fr: 'Votre question, dans n’importe quelle langue',
  'es-ES': 'Tu pregunta, en cualquier idioma',
  de: 'Deine Frage, in jeder Sprache',
  it: 'La tua domanda, in qualsiasi lingua',
  'pt-BR': 'Sua pergunta, em qualquer idioma',
  nl: 'Je vraag, in elke taal',
});

const eventsNames = both('events', { fr: 'evenements', 'es-ES': 'eventos', de: 'veranstaltungen', it: 'eventi', 'pt-BR': 'eventos', nl: 'evenementen' });
const eventsDescriptions = both('Upcoming SOGA events (or the latest, when none is announced)', {
  fr: 'Les prochains événements du SOGA (ou le dernier, si aucun n’est annoncé)',
  'es-ES': 'Los próximos eventos del SOGA (o el último, si no hay ninguno anunciado)',
  de: 'Die nächsten Veranstaltungen des SOGA (oder die letzte, wenn keine angekündigt ist)',
  it: 'I prossimi eventi del SOGA (o l’ultimo, se nessuno è annunciato)',
  'pt-BR': 'Os próximos eventos do SOGA (ou o último, se nenhum for anunciado)',
  nl: 'De komende evenementen van SOGA (of het laatste, als er geen is aangekondigd)',
});

export function buildCommands(options: { allowDms: boolean }): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const askContexts = options.allowDms ? [InteractionContextType.Guild, InteractionContextType.BotDM] : [InteractionContextType.Guild];
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: ASK_COMMAND,
      name_localizations: askNames,
      description: askDescriptions['en-US']!,
      description_localizations: askDescriptions,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: askContexts,
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: QUESTION_OPTION,
          name_localizations: questionNames,
          description: questionDescriptions['en-US']!,
          description_localizations: questionDescriptions,
          required: true,
          max_length: MAX_QUESTION_OPTION_LENGTH,
        },
      ],
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: CORPUS_COMMAND,
      description: 'Manage the documents the assistant answers from (staff)',
      description_localizations: both('Manage the documents the assistant answers from (staff)', {
        fr: 'Gérer les documents de l’assistant (équipe)',
        'es-ES': 'Gestionar los documentos del asistente (equipo)',
        de: 'Die Dokumente des Assistenten verwalten (Team)',
        it: 'Gestire i documenti dell’assistente (staff)',
        'pt-BR': 'Gerenciar os documentos do assistente (equipe)',
        nl: 'De documenten van de assistent beheren (team)',
      }),
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: [InteractionContextType.Guild],
      // Hides the command from ordinary members by default; the handler still checks the staff role,
      // because server admins can override command permissions per role or channel.
      default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'add',
          description: 'Add or update a document (md, txt, html, pdf)',
          description_localizations: both('Add or update a document (md, txt, html, pdf)', {
            fr: 'Ajouter ou mettre à jour un document (md, txt, html, pdf)',
            'es-ES': 'Añadir o actualizar un documento (md, txt, html, pdf)',
            de: 'Ein Dokument hinzufügen oder aktualisieren (md, txt, html, pdf)',
            it: 'Aggiungere o aggiornare un documento (md, txt, html, pdf)',
            'pt-BR': 'Adicionar ou atualizar um documento (md, txt, html, pdf)',
            nl: 'Een document toevoegen of bijwerken (md, txt, html, pdf)',
          }),
          options: [
            {
              type: ApplicationCommandOptionType.Attachment,
              name: 'file',
              description: 'The document',
              description_localizations: both('The document', {
                fr: 'Le document',
                'es-ES': 'El documento',
                de: 'Das Dokument',
                it: 'Il documento',
                'pt-BR': 'O documento',
                nl: 'Het document',
              }),
              required: true,
            },
            {
              type: ApplicationCommandOptionType.String,
              name: 'link',
              description: 'Where the article can be read online (https://…)',
              description_localizations: both('Where the article can be read online (https://…)', {
                fr: 'Où lire l’article en ligne (https://…)',
                'es-ES': 'Dónde leer el artículo en línea (https://…)',
                de: 'Wo der Artikel online steht (https://…)',
                it: 'Dove leggere l’articolo online (https://…)',
                'pt-BR': 'Onde ler o artigo online (https://…)',
                nl: 'Waar het artikel online staat (https://…)',
              }),
              required: false,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'list',
          description: 'List the documents',
          description_localizations: both('List the documents', {
            fr: 'Lister les documents',
            'es-ES': 'Listar los documentos',
            de: 'Die Dokumente auflisten',
            it: 'Elencare i documenti',
            'pt-BR': 'Listar os documentos',
            nl: 'De documenten tonen',
          }),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'remove',
          description: 'Remove a document by its id (see /corpus list)',
          description_localizations: both('Remove a document by its id (see /corpus list)', {
            fr: 'Supprimer un document par son id (voir /corpus list)',
            'es-ES': 'Eliminar un documento por su id (ver /corpus list)',
            de: 'Ein Dokument anhand seiner ID entfernen (siehe /corpus list)',
            it: 'Rimuovere un documento tramite il suo id (vedi /corpus list)',
            'pt-BR': 'Remover um documento pelo id (veja /corpus list)',
            nl: 'Een document verwijderen via zijn id (zie /corpus list)',
          }),
          options: [
            {
              type: ApplicationCommandOptionType.String,
              name: 'id',
              description: 'Document id',
              description_localizations: both('Document id', {
                fr: 'Id du document',
                'es-ES': 'Id del documento',
                de: 'Dokument-ID',
                it: 'Id del documento',
                'pt-BR': 'Id do documento',
                nl: 'Document-id',
              }),
              required: true,
              max_length: 200,
            },
          ],
        },
      ],
    },
    {
      type: ApplicationCommandType.ChatInput,
      name: EVENTS_COMMAND,
      name_localizations: eventsNames,
      description: eventsDescriptions['en-US']!,
      description_localizations: eventsDescriptions,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: askContexts,
    },
  ];
}
