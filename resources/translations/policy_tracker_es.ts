<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AsOfControl</name>
    <message>
        <source>As of:</source>
        <translation>A fecha de:</translation>
    </message>
    <message>
        <source>As of date</source>
        <translation>Fecha de consulta</translation>
    </message>
    <message>
        <source>See every policy as it stood on this day: its status then, and whether that is certain</source>
        <translation>Ver cada política tal como estaba ese día: su estado entonces y si es seguro</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation>Volver a hoy</translation>
    </message>
    <message>
        <source>Not yet begun</source>
        <translation>Aún no iniciadas</translation>
    </message>
    <message>
        <source>On a past day, also list the policies that had not begun then, greyed, instead of leaving them out</source>
        <translation>En un día pasado, listar también en gris las políticas que aún no habían comenzado, en vez de omitirlas</translation>
    </message>
    <message>
        <source>&lt;b&gt;As of:&lt;/b&gt;</source>
        <translation>&lt;b&gt;A fecha de:&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>Only news, opinion or research sources</source>
        <translation>Solo fuentes periodísticas, de opinión o de investigación</translation>
    </message>
    <message>
        <source>No source</source>
        <translation>Sin fuente</translation>
    </message>
    <message>
        <source>A single source</source>
        <translation>Una sola fuente</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>Sin confirmar</translation>
    </message>
    <message>
        <source>Sources disagree</source>
        <translation>Las fuentes discrepan</translation>
    </message>
    <message>
        <source>Source without a URL</source>
        <translation>Fuente sin URL</translation>
    </message>
    <message>
        <source>Source without a date</source>
        <translation>Fuente sin fecha</translation>
    </message>
    <message>
        <source>Excerpts no event, note or figure uses</source>
        <translation>Extractos que ningún hecho, nota o cifra usa</translation>
    </message>
    <message>
        <source>Not verified recently</source>
        <translation>Sin verificar recientemente</translation>
    </message>
    <message>
        <source>Citation audit — {workspace}</source>
        <translation>Auditoría de citas — {workspace}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Not verified after</source>
        <translation>Sin verificar después de</translation>
    </message>
    <message>
        <source>Policy and item</source>
        <translation>Política y elemento</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Audit items</source>
        <translation>Elementos de la auditoría</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Not verified after:</source>
        <translation>Sin verificar después de:</translation>
    </message>
    <message>
        <source>Reading the audit…</source>
        <translation>Leyendo la auditoría…</translation>
    </message>
    <message>
        <source>The audit could not be read: the workspace is damaged</source>
        <translation>No se pudo leer la auditoría: el espacio de trabajo está dañado</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n policies</source>
        <translation>
            <numerusform>%n política</numerusform>
            <numerusform>%n políticas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>policy</source>
        <translation>la política</translation>
    </message>
    <message>
        <source>status event</source>
        <translation>el cambio de estado</translation>
    </message>
    <message>
        <source>source</source>
        <translation>la fuente</translation>
    </message>
    <message>
        <source>excerpt</source>
        <translation>el extracto</translation>
    </message>
    <message>
        <source>note</source>
        <translation>la nota</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>la relación</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>la cifra</translation>
    </message>
    <message>
        <source>Import of {name}</source>
        <translation>Importación de {name}</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edición</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Starter data</source>
        <translation>Datos iniciales</translation>
    </message>
    <message>
        <source>Added {kind}</source>
        <translation>Se añadió {kind}</translation>
    </message>
    <message>
        <source>Deleted {kind}</source>
        <translation>Se eliminó {kind}</translation>
    </message>
    <message>
        <source>Moved {kind} to the trash</source>
        <translation>Se movió {kind} a la papelera</translation>
    </message>
    <message>
        <source>Restored {kind} from the trash</source>
        <translation>Se restauró {kind} de la papelera</translation>
    </message>
    <message>
        <source>Changed {kind}</source>
        <translation>Se modificó {kind}</translation>
    </message>
</context>
<context>
    <name>ChangesWindow</name>
    <message>
        <source>Recent Changes — {workspace}</source>
        <translation>Cambios recientes — {workspace}</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation>Tipo de entrada</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Últimos 365 días</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln cambio</numerusform>
            <numerusform>%Ln cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes match.</source>
        <translation>Ningún cambio coincide.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by Someone Else</source>
        <translation>Cambiado por otra persona</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Su versión</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>La otra versión</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>Conservar la &amp;mía</translation>
    </message>
    <message>
        <source>Save your version over theirs</source>
        <translation>Guardar su versión sobre la otra</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>Tomar la &amp;otra</translation>
    </message>
    <message>
        <source>Drop your changes and keep what they saved</source>
        <translation>Descartar sus cambios y conservar lo que la otra persona guardó</translation>
    </message>
    <message>
        <source>&amp;Back to Editing</source>
        <translation>&amp;Volver a editar</translation>
    </message>
</context>
<context>
    <name>ConnectTeamDialog</name>
    <message>
        <source>Connect to Team Workspace</source>
        <translation>Conectar a un espacio de trabajo de equipo</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>postgresql://YOU@SERVER/DATABASE, from whoever runs the team&apos;s server.</source>
        <translation>postgresql://USUARIO@SERVIDOR/BASE, de quien administre el servidor del equipo.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Leave empty when it is kept in ~/.pgpass, a PostgreSQL service file, PGPASSWORD or the system keyring. Never written to this app&apos;s settings.</source>
        <translation>Déjela vacía si está en ~/.pgpass, un archivo de servicio de PostgreSQL, PGPASSWORD o el llavero del sistema. Nunca se escribe en la configuración de esta aplicación.</translation>
    </message>
    <message>
        <source>&amp;Keep the password in the system keyring</source>
        <translation>&amp;Guardar la contraseña en el llavero del sistema</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>write the address as postgresql://YOU@SERVER/DATABASE</source>
        <translation>escriba la dirección como postgresql://USTED@SERVIDOR/BASE_DE_DATOS</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>No status yet</source>
        <translation>Aún sin estado</translation>
    </message>
    <message>
        <source>Reported by secondary sources only</source>
        <translation>Solo lo informan fuentes secundarias</translation>
    </message>
    <message>
        <source>Declared or claimed, but not confirmed</source>
        <translation>Declarado o afirmado, pero sin confirmar</translation>
    </message>
    <message>
        <source>%n event(s) without a primary source</source>
        <translation>%n hecho(s) sin fuente primaria</translation>
    </message>
    <message>
        <source>%n event(s) without a source</source>
        <translation>%n hecho(s) sin fuente</translation>
    </message>
    <message>
        <source>%n event(s) with a single source</source>
        <translation>%n hecho(s) con una sola fuente</translation>
    </message>
    <message>
        <source>%n unconfirmed</source>
        <translation>%n sin confirmar</translation>
    </message>
    <message>
        <source>%n disputed</source>
        <translation>%n en disputa</translation>
    </message>
    <message>
        <source>%n source(s) without a URL</source>
        <translation>%n fuente(s) sin URL</translation>
    </message>
    <message>
        <source>%n source(s) without a date</source>
        <translation>%n fuente(s) sin fecha</translation>
    </message>
    <message>
        <source>%n source(s) with excerpts nothing uses</source>
        <translation>%n fuente(s) con extractos que nada usa</translation>
    </message>
    <message>
        <source>not verified lately</source>
        <translation>sin verificar recientemente</translation>
    </message>
    <message>
        <source>nothing to report</source>
        <translation>nada que señalar</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Estado actual</translation>
    </message>
    <message>
        <source> since {date}</source>
        <translation> desde {date}</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Última verificación</translation>
    </message>
    <message>
        <source>Citation audit</source>
        <translation>Auditoría de citas</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>También conocida como</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base legal</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Organismos</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Related policies</source>
        <translation>Políticas relacionadas</translation>
    </message>
    <message>
        <source>No summary yet.</source>
        <translation>Todavía no hay descripción.</translation>
    </message>
    <message>
        <source>Edit policy…</source>
        <translation>Editar política…</translation>
    </message>
    <message>
        <source>Add relation…</source>
        <translation>Agregar relación…</translation>
    </message>
    <message>
        <source>Delete policy…</source>
        <translation>Eliminar política…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>no primary source</source>
        <translation>sin fuente primaria</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>sin fuente</translation>
    </message>
    <message>
        <source>one source</source>
        <translation>una sola fuente</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>sin confirmar</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>en disputa</translation>
    </message>
    <message>
        <source>Citation audit: what this event&apos;s sources leave open</source>
        <translation>Auditoría de citas: lo que las fuentes de este hecho dejan abierto</translation>
    </message>
    <message>
        <source>Add status event…</source>
        <translation>Agregar evento de estado…</translation>
    </message>
    <message>
        <source>No status events yet.</source>
        <translation>Aún no hay eventos de estado.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source> (known to the month)</source>
        <translation> (solo se conoce el mes)</translation>
    </message>
    <message>
        <source> (known to the year)</source>
        <translation> (solo se conoce el año)</translation>
    </message>
    <message>
        <source>Where sources disagree:</source>
        <translation>Donde las fuentes discrepan:</translation>
    </message>
    <message>
        <source>Annotated passage</source>
        <translation>Pasaje anotado</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Desvincular</translation>
    </message>
    <message>
        <source>Add source…</source>
        <translation>Agregar fuente…</translation>
    </message>
    <message>
        <source>Link existing source…</source>
        <translation>Vincular fuente existente…</translation>
    </message>
    <message>
        <source>Annotate selected passage…</source>
        <translation>Anotar pasaje seleccionado…</translation>
    </message>
    <message>
        <source>No sources linked to this policy yet.</source>
        <translation>Aún no hay fuentes vinculadas a esta política.</translation>
    </message>
    <message>
        <source>about {value}</source>
        <translation>aprox. {value}</translation>
    </message>
    <message>
        <source>No figures recorded for this policy.</source>
        <translation>No hay cifras registradas para esta política.</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fijada</translation>
    </message>
    <message>
        <source>on source {link}</source>
        <translation>sobre la fuente {link}</translation>
    </message>
    <message>
        <source>on the event of {link}</source>
        <translation>sobre el evento del {link}</translation>
    </message>
    <message>
        <source>updated {date}</source>
        <translation>actualizada el {date}</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Agregar nota…</translation>
    </message>
    <message>
        <source>No notes on this policy yet.</source>
        <translation>Aún no hay notas sobre esta política.</translation>
    </message>
    <message>
        <source>No changes recorded for this policy yet.</source>
        <translation>Aún no hay cambios registrados para esta política.</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Your changes were dropped; their version is kept</source>
        <translation>Se descartaron sus cambios; se conserva la otra versión</translation>
    </message>
    <message>
        <source>Delete Policy</source>
        <translation>Eliminar política</translation>
    </message>
    <message>
        <source>Move “{title}” to the trash?</source>
        <translation>¿Mover “{title}” a la papelera?</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message numerus="yes">
        <source>%n status event(s)</source>
        <translation>
            <numerusform>%n evento de estado</numerusform>
            <numerusform>%n eventos de estado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n nota</numerusform>
            <numerusform>%n notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s)</source>
        <translation>
            <numerusform>%n cifra</numerusform>
            <numerusform>%n cifras</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing else goes with it. You can restore it from File ▸ Trash, or undo.</source>
        <translation>No se mueve nada más con ella. Puede restaurarla desde Archivo ▸ Papelera o deshacer la acción.</translation>
    </message>
    <message>
        <source>Its {contents} go with it. You can restore them from File ▸ Trash, or undo.</source>
        <translation>Con ella se mueven {contents}. Puede restaurar todo desde Archivo ▸ Papelera o deshacer la acción.</translation>
    </message>
    <message>
        <source>Earlier Than the History</source>
        <translation>Anterior al historial</translation>
    </message>
    <message>
        <source>{date} is before this policy&apos;s first event. Add it anyway?</source>
        <translation>{date} es anterior al primer evento de esta política. ¿Agregarlo de todos modos?</translation>
    </message>
    <message>
        <source>Annotate Passage</source>
        <translation>Anotar pasaje</translation>
    </message>
    <message>
        <source>Select a passage in a source&apos;s excerpt first</source>
        <translation>Primero seleccione un pasaje en el extracto de una fuente</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>relación</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Historial de deshacer</translation>
    </message>
    <message>
        <source>Opened workspace</source>
        <translation>Espacio de trabajo abierto</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Historial de deshacer</translation>
    </message>
</context>
<context>
    <name>EditFeedback</name>
    <message>
        <source>What the last edit did</source>
        <translation>Lo que hizo la última edición</translation>
    </message>
    <message>
        <source>Undone: {action}</source>
        <translation>Deshecho: {action}</translation>
    </message>
    <message>
        <source>Done: {action}</source>
        <translation>Hecho: {action}</translation>
    </message>
    <message>
        <source>Redone: {action}</source>
        <translation>Rehecho: {action}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit Status Event</source>
        <translation>Editar evento de estado</translation>
    </message>
    <message>
        <source>New Status Event</source>
        <translation>Nuevo evento de estado</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>From the sources cited</source>
        <translation>Según las fuentes citadas</translation>
    </message>
    <message>
        <source>C&amp;onfidence</source>
        <translation>C&amp;onfianza</translation>
    </message>
    <message>
        <source>Confirmed: by a primary source (court, agency, statute). Reported: by secondary sources only. Unconfirmed: declared or claimed, but not confirmed.</source>
        <translation>Confirmado: por una fuente primaria (tribunal, organismo, ley). Informado: solo por fuentes secundarias. Sin confirmar: declarado o afirmado, pero no confirmado.</translation>
    </message>
    <message>
        <source>Disa&amp;greement</source>
        <translation>Discrepa&amp;ncia</translation>
    </message>
    <message>
        <source>Where sources disagree: what each says. Leave empty when they agree.</source>
        <translation>Donde las fuentes discrepan: qué dice cada una. Déjelo vacío si coinciden.</translation>
    </message>
    <message>
        <source>Tick the sources this event rests on.</source>
        <translation>Marque las fuentes en las que se basa este evento.</translation>
    </message>
    <message>
        <source>No sources yet: add one with New Source.</source>
        <translation>Aún no hay fuentes: añada una con Nueva fuente.</translation>
    </message>
    <message>
        <source>&amp;Cites</source>
        <translation>Fuentes c&amp;itadas</translation>
    </message>
    <message>
        <source>&amp;New Source…</source>
        <translation>&amp;Nueva fuente…</translation>
    </message>
    <message>
        <source>{title} (new)</source>
        <translation>{title} (nueva)</translation>
    </message>
    <message>
        <source>{date} — known to the day</source>
        <translation>{date} — fecha exacta</translation>
    </message>
    <message>
        <source>{date} — known to the month</source>
        <translation>{date} — solo se conoce el mes</translation>
    </message>
    <message>
        <source>{date} — known to the year</source>
        <translation>{date} — solo se conoce el año</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message numerus="yes">
        <source>Selected policies (%Ln)</source>
        <translation>
            <numerusform>Política seleccionada (%Ln)</numerusform>
            <numerusform>Políticas seleccionadas (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>The current list ({count})</source>
        <translation>La lista actual ({count})</translation>
    </message>
    <message>
        <source>All policies ({count})</source>
        <translation>Todas las políticas ({count})</translation>
    </message>
    <message>
        <source>JSON bundle</source>
        <translation>Paquete JSON</translation>
    </message>
    <message>
        <source>Include my &amp;notes (labelled as personal)</source>
        <translation>Incluir mis &amp;notas (marcadas como personales)</translation>
    </message>
    <message>
        <source>Dossier: the complete cited history</source>
        <translation>Informe completo: toda la historia con sus fuentes</translation>
    </message>
    <message>
        <source>Brief: at most a page per policy</source>
        <translation>Resumen: una página como máximo por política</translation>
    </message>
    <message>
        <source>The cited record</source>
        <translation>El registro citado</translation>
    </message>
    <message>
        <source>What changed since the last briefing of these policies</source>
        <translation>Qué cambió desde el último informe de estas políticas</translation>
    </message>
    <message>
        <source>What changed since a date</source>
        <translation>Qué cambió desde una fecha</translation>
    </message>
    <message>
        <source>Changes since</source>
        <translation>Cambios desde</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Exa&amp;minar…</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formato</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Contenido</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Extensión</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Page size</source>
        <translation>&amp;Tamaño de página</translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation>&amp;Guardar como</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Preview page</source>
        <translation>Página de la vista previa</translation>
    </message>
    <message>
        <source>◀ Pre&amp;vious page</source>
        <translation>◀ Página &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next page ▶</source>
        <translation>Página &amp;siguiente ▶</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;Open File</source>
        <translation>&amp;Abrir archivo</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>Mostrar en la car&amp;peta</translation>
    </message>
    <message>
        <source>The PDF&apos;s first pages, as it will be sent.</source>
        <translation>Las primeras páginas del PDF, tal como se enviará.</translation>
    </message>
    <message>
        <source>The HTML file as printed (a browser shows the same text as one long page).</source>
        <translation>El archivo HTML tal como se imprime (un navegador muestra el mismo texto en una sola página larga).</translation>
    </message>
    <message>
        <source>The Word file&apos;s layout approximated from the PDF of the same briefing.</source>
        <translation>La maquetación del archivo de Word, aproximada a partir del PDF del mismo informe.</translation>
    </message>
    <message>
        <source>The file&apos;s own text.</source>
        <translation>El texto del propio archivo.</translation>
    </message>
    <message numerus="yes">
        <source>The title, table and contents count all; the first %Ln are laid out.</source>
        <translation>
            <numerusform>El título, la tabla y el índice cuentan todas; se maqueta la primera (%Ln).</numerusform>
            <numerusform>El título, la tabla y el índice cuentan todas; se maquetan las primeras %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview: %Ln policies in this export.</source>
        <translation>
            <numerusform>Vista previa: %Ln política en esta exportación.</numerusform>
            <numerusform>Vista previa: %Ln políticas en esta exportación.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing preview…</source>
        <translation>Preparando la vista previa…</translation>
    </message>
    <message>
        <source>The preview could not be drawn: {message}</source>
        <translation>No se pudo dibujar la vista previa: {message}</translation>
    </message>
    <message>
        <source>Page {page} of the first {count}</source>
        <translation>Página {page} de las primeras {count}</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Elija dónde guardar la exportación.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln policies to {target} …</source>
        <translation>
            <numerusform>Exportando %Ln política a {target} …</numerusform>
            <numerusform>Exportando %Ln políticas a {target} …</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Exported to {files}</source>
        <translation>Exportado a {files}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The export failed: {message}</source>
        <translation>Error en la exportación: {message}</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exportación cancelada; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <source>an unexpected error ({error}); see the log</source>
        <translation>un error inesperado ({error}); consulte el registro</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>No status yet</source>
        <translation>Aún sin estado</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Limpiar filtros</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Búsquedas guardadas</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n policies match now. Right-click to delete.</source>
        <translation>
            <numerusform>{name}: ahora coincide %n política. Haga clic derecho para eliminar la búsqueda.</numerusform>
            <numerusform>{name}: ahora coinciden %n políticas. Haga clic derecho para eliminar la búsqueda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Saved Search</source>
        <translation>Eliminar búsqueda guardada</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>{field} error</source>
        <translation>Error en {field}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Entries you changed more recently</source>
        <translation>Elementos que usted modificó más recientemente</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>&lt;b&gt;This file cannot be imported.&lt;/b&gt;&lt;br&gt;{error}</source>
        <translation>&lt;b&gt;No se puede importar este archivo.&lt;/b&gt;&lt;br&gt;{error}</translation>
    </message>
    <message>
        <source>Importing &lt;b&gt;{file}&lt;/b&gt; will change this workspace: {summary}.</source>
        <translation>Importar &lt;b&gt;{file}&lt;/b&gt; modificará este espacio de trabajo: {summary}.</translation>
    </message>
    <message>
        <source>Replaces your newer version of {entry}</source>
        <translation>Reemplaza su versión más reciente de {entry}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; holds nothing that this workspace does not have already.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; no contiene nada que este espacio de trabajo no tenga ya.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln policies</source>
        <translation>
            <numerusform>%Ln política</numerusform>
            <numerusform>%Ln políticas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln status events</source>
        <translation>
            <numerusform>%Ln evento de estado</numerusform>
            <numerusform>%Ln eventos de estado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sources</source>
        <translation>
            <numerusform>%Ln fuente</numerusform>
            <numerusform>%Ln fuentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln excerpts</source>
        <translation>
            <numerusform>%Ln extracto</numerusform>
            <numerusform>%Ln extractos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln nota</numerusform>
            <numerusform>%Ln notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln relations</source>
        <translation>
            <numerusform>%Ln relación</numerusform>
            <numerusform>%Ln relaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln figures</source>
        <translation>
            <numerusform>%Ln cifra</numerusform>
            <numerusform>%Ln cifras</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>added {added}; updated {updated}</source>
        <translation>agrega: {added}; actualiza: {updated}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed here more recently than in the file</source>
        <translation>
            <numerusform>%Ln modificada aquí más recientemente que en el archivo</numerusform>
            <numerusform>%Ln modificadas aquí más recientemente que en el archivo</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt;&lt;br&gt;{error}</source>
        <translation>&lt;b&gt;No se importó nada.&lt;/b&gt;&lt;br&gt;{error}</translation>
    </message>
    <message>
        <source>Imported {file}: {summary}</source>
        <translation>Se importó {file}: {summary}</translation>
    </message>
</context>
<context>
    <name>MainAction</name>
    <message>
        <source>New &amp;Workspace…</source>
        <translation>&amp;Nuevo espacio de trabajo…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Abrir espacio de trabajo…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recientes</translation>
    </message>
    <message>
        <source>Connect to &amp;Team Workspace…</source>
        <translation>Conectar a un espacio de &amp;equipo…</translation>
    </message>
    <message>
        <source>Save a &amp;Personal Copy…</source>
        <translation>Guardar una copia &amp;personal…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>Pape&amp;lera…</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>Hacer &amp;copia de seguridad ahora</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>Res&amp;taurar desde copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;New Policy…</source>
        <translation>Nueva &amp;política…</translation>
    </message>
    <message>
        <source>New Policy</source>
        <translation>Nueva política</translation>
    </message>
    <message>
        <source>&amp;Edit Policy…</source>
        <translation>&amp;Editar política…</translation>
    </message>
    <message>
        <source>&amp;Delete Policy…</source>
        <translation>E&amp;liminar política…</translation>
    </message>
    <message>
        <source>New Status &amp;Event…</source>
        <translation>Nuevo even&amp;to de estado…</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>New &amp;Source…</source>
        <translation>Nueva &amp;fuente…</translation>
    </message>
    <message>
        <source>New Source</source>
        <translation>Nueva fuente</translation>
    </message>
    <message>
        <source>&amp;Link Existing Source…</source>
        <translation>&amp;Vincular fuente existente…</translation>
    </message>
    <message>
        <source>New No&amp;te…</source>
        <translation>Nueva &amp;nota…</translation>
    </message>
    <message>
        <source>New Note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <source>New &amp;Relation…</source>
        <translation>Nueva rela&amp;ción…</translation>
    </message>
    <message>
        <source>&amp;Annotate Selected Passage…</source>
        <translation>&amp;Anotar pasaje seleccionado…</translation>
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation>&amp;Historial de deshacer</translation>
    </message>
    <message>
        <source>&amp;Edit Status Event…</source>
        <translation>&amp;Editar evento de estado…</translation>
    </message>
    <message>
        <source>&amp;Delete Status Event</source>
        <translation>E&amp;liminar evento de estado</translation>
    </message>
    <message>
        <source>&amp;Edit Source…</source>
        <translation>&amp;Editar fuente…</translation>
    </message>
    <message>
        <source>&amp;Unlink from This Policy</source>
        <translation>&amp;Desvincular de esta política</translation>
    </message>
    <message>
        <source>&amp;Delete Source</source>
        <translation>E&amp;liminar fuente</translation>
    </message>
    <message>
        <source>&amp;Annotate This Excerpt…</source>
        <translation>&amp;Anotar este extracto…</translation>
    </message>
    <message>
        <source>&amp;Copy Excerpt</source>
        <translation>&amp;Copiar extracto</translation>
    </message>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>&amp;Editar nota…</translation>
    </message>
    <message>
        <source>&amp;Delete Note</source>
        <translation>E&amp;liminar nota</translation>
    </message>
    <message>
        <source>&amp;Remove Relation</source>
        <translation>&amp;Quitar relación</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>&amp;Clear Search and Filters</source>
        <translation>&amp;Limpiar búsqueda y filtros</translation>
    </message>
    <message>
        <source>Show &amp;Filters</source>
        <translation>Mostrar &amp;filtros</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation>&amp;Guardar búsqueda…</translation>
    </message>
    <message>
        <source>All &amp;Notes…</source>
        <translation>Todas las &amp;notas…</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>Línea de &amp;tiempo</translation>
    </message>
    <message>
        <source>Recent &amp;Changes…</source>
        <translation>&amp;Cambios recientes…</translation>
    </message>
    <message>
        <source>Citation &amp;Audit</source>
        <translation>&amp;Auditoría de citas</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;ema</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Policy Tracker</source>
        <translation>Acerca &amp;de Policy Tracker</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{workspace} — Policy Tracker</source>
        <translation>{workspace} — Policy Tracker</translation>
    </message>
    <message>
        <source>Search titles, summaries, history, sources and notes  (Ctrl+F)</source>
        <translation>Buscar en títulos, resúmenes, historial, fuentes y notas  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search policies</source>
        <translation>Buscar políticas</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Reading policies…</source>
        <translation>Leyendo las políticas…</translation>
    </message>
    <message>
        <source>{count} matching by title or summary · searching further…</source>
        <translation>{count} coincidencias por título o resumen · buscando más…</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No policies yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;This workspace is empty. Open another workspace with &lt;i&gt;--workspace&lt;/i&gt;, or import a bundle with &lt;i&gt;policy-tracker import FILE&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Aún no hay políticas.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Este espacio de trabajo está vacío. Abra otro espacio de trabajo con &lt;i&gt;--workspace&lt;/i&gt; o importe un paquete con &lt;i&gt;policy-tracker import ARCHIVO&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>“{search}”</source>
        <translation>“{search}”</translation>
    </message>
    <message>
        <source>these filters</source>
        <translation>estos filtros</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No policies match {what}.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;clear&quot;&gt;Clear search and filters&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Ninguna política coincide con {what}.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;clear&quot;&gt;Limpiar búsqueda y filtros&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln policies…</source>
        <translation>
            <numerusform>Leyendo %Ln política…</numerusform>
            <numerusform>Leyendo %Ln políticas…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not finish opening this workspace</source>
        <translation>No se pudo terminar de abrir este espacio de trabajo</translation>
    </message>
    <message>
        <source>The window could not finish opening: {error}

Close it and open the workspace again.</source>
        <translation>La ventana no pudo terminar de abrirse: {error}

Ciérrela y vuelva a abrir el espacio de trabajo.</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln policies</source>
        <translation>
            <numerusform>{shown} de %Ln política</numerusform>
            <numerusform>{shown} de %Ln políticas</numerusform>
        </translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>a fecha de {date}</translation>
    </message>
    <message>
        <source>Type a search or choose filters first.</source>
        <translation>Primero escriba una búsqueda o elija filtros.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Bundles and tables (*.json *.csv);;JSON bundles (*.json);;CSV tables (*.csv)</source>
        <translation>Paquetes y tablas (*.json *.csv);;Paquetes JSON (*.json);;Tablas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not read this workspace: {error}</source>
        <translation>No se pudo leer este espacio de trabajo: {error}</translation>
    </message>
    <message>
        <source>Read-only: this team workspace’s schema is of another version of Policy Tracker. You can read, search and export; to edit, use the version the workspace was last upgraded by.</source>
        <translation>Solo lectura: el esquema de este espacio de trabajo de equipo es de otra versión de Policy Tracker. Puede leer, buscar y exportar; para editar, use la versión con la que se actualizó por última vez.</translation>
    </message>
    <message>
        <source>Read-only: this workspace’s file, folder or disk cannot be written. You can read, search and export; to edit, copy the file to a writable folder and open the copy.</source>
        <translation>Solo lectura: no se puede escribir en el archivo, la carpeta o el disco de este espacio de trabajo. Puede leer, buscar y exportar; para editar, copie el archivo a una carpeta con permiso de escritura y abra la copia.</translation>
    </message>
    <message>
        <source>This workspace is damaged, so editing is off: writing into damage spreads it. Restore a backup (File ▸ Restore from Backup…); the damaged file is kept.</source>
        <translation>Este espacio de trabajo está dañado, así que la edición está desactivada: escribir sobre el daño lo extiende. Restaure una copia de seguridad (Archivo ▸ Restaurar desde copia de seguridad…); el archivo dañado se conserva.</translation>
    </message>
    <message>
        <source>Team: {name}</source>
        <translation>Equipo: {name}</translation>
    </message>
    <message>
        <source>{workspace} (read-only) — Policy Tracker</source>
        <translation>{workspace} (solo lectura) — Policy Tracker</translation>
    </message>
    <message>
        <source>Workspace cannot be changed</source>
        <translation>El espacio de trabajo no se puede modificar</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>Guía de uso</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía de uso</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Move through policies</source>
        <translation>Recorrer las políticas</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down, Home, End</source>
        <translation>Arriba, Abajo, Re Pág, Av Pág, Inicio, Fin</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Ctrl + mouse wheel</source>
        <translation>Ctrl + rueda de desplazamiento</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>Ajustar todo</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>About Policy Tracker</source>
        <translation>Acerca de Policy Tracker</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Policy Tracker {version}&lt;/h3&gt;&lt;p&gt;Track public policies, the sources behind them and your own notes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Workspace:&lt;/b&gt; {workspace}&lt;br&gt;&lt;b&gt;Data folder:&lt;/b&gt; {data_folder}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Policy Tracker {version}&lt;/h3&gt;&lt;p&gt;Seguimiento de políticas públicas, de las fuentes en que se basan y de sus propias notas.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Espacio de trabajo:&lt;/b&gt; {workspace}&lt;br&gt;&lt;b&gt;Carpeta de datos:&lt;/b&gt; {data_folder}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Barra de herramientas</translation>
    </message>
</context>
<context>
    <name>MatchReason</name>
    <message>
        <source>In the title or another name: {snippet}</source>
        <translation>En el título u otro nombre: {snippet}</translation>
    </message>
    <message>
        <source>In the summary or details: {snippet}</source>
        <translation>En el resumen o los detalles: {snippet}</translation>
    </message>
    <message>
        <source>In the history: {snippet}</source>
        <translation>En el historial: {snippet}</translation>
    </message>
    <message>
        <source>In a source’s title: {snippet}</source>
        <translation>En el título de una fuente: {snippet}</translation>
    </message>
    <message>
        <source>In a source: {snippet}</source>
        <translation>En una fuente: {snippet}</translation>
    </message>
    <message>
        <source>In a note’s quoted passage: {snippet}</source>
        <translation>En el pasaje citado de una nota: {snippet}</translation>
    </message>
    <message>
        <source>In a note: {snippet}</source>
        <translation>En una nota: {snippet}</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <source>New Workspace</source>
        <translation>Nuevo espacio de trabajo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>A workspace is one file you can copy, back up or send.</source>
        <translation>Un espacio de trabajo es un único archivo que puede copiar, respaldar o enviar.</translation>
    </message>
    <message>
        <source>Start with the &amp;starter dataset (US–Mexico migration and security)</source>
        <translation>Empezar con los datos &amp;iniciales (migración y seguridad EE. UU.–México)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>choose where to put the workspace file</source>
        <translation>elija dónde guardar el archivo del espacio de trabajo</translation>
    </message>
    <message>
        <source>a file with this name exists already; choose another name</source>
        <translation>ya existe un archivo con este nombre; elija otro</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Edit Note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <source>New Note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>Markdown: **bold**, *italic*, - lists, [links](https://…).</source>
        <translation>Markdown: **negrita**, *cursiva*, - listas, [enlaces](https://…).</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>&amp;Quoted passage</source>
        <translation>&amp;Pasaje citado</translation>
    </message>
    <message>
        <source>Paste the exact words the note comments on.</source>
        <translation>Pegue las palabras exactas que comenta la nota.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>On &amp;source</source>
        <translation>Sobre la &amp;fuente</translation>
    </message>
    <message>
        <source>On &amp;event</source>
        <translation>Sobre el &amp;evento</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>E&amp;tiquetas</translation>
    </message>
    <message>
        <source>Separated by semicolons</source>
        <translation>Separados por punto y coma</translation>
    </message>
    <message>
        <source>&amp;Pin to the top of the policy&apos;s notes</source>
        <translation>F&amp;ijar al principio de las notas de la política</translation>
    </message>
    <message>
        <source>S&amp;hare with the team (otherwise only you see this note)</source>
        <translation>&amp;Compartir con el equipo (si no, solo usted ve esta nota)</translation>
    </message>
</context>
<context>
    <name>NotesWindow</name>
    <message>
        <source>Notes — {workspace}</source>
        <translation>Notas — {workspace}</translation>
    </message>
    <message>
        <source>Search your notes and the passages they quote</source>
        <translation>Buscar en sus notas y en los pasajes que citan</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Buscar notas</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificada</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Últimos 365 días</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>The selected note</source>
        <translation>La nota seleccionada</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <source>All policies</source>
        <translation>Todas las políticas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln nota</numerusform>
            <numerusform>%Ln notas</numerusform>
        </translation>
    </message>
    <message>
        <source>No notes match.</source>
        <translation>Ninguna nota coincide.</translation>
    </message>
    <message>
        <source>No notes yet. Select a policy and choose Edit ▸ New Note, or select a passage in a source and choose Annotate Selected Passage.</source>
        <translation>Aún no hay notas. Seleccione una política y elija Editar ▸ Nueva nota, o seleccione un pasaje en una fuente y elija Anotar pasaje seleccionado.</translation>
    </message>
    <message>
        <source>{first_line} — {date} · {policy}</source>
        <translation>{first_line} — {date} · {policy}</translation>
    </message>
    <message>
        <source>source {link}</source>
        <translation>la fuente {link}</translation>
    </message>
    <message>
        <source>event {link}</source>
        <translation>el evento {link}</translation>
    </message>
    <message>
        <source>On {links}</source>
        <translation>Sobre {links}</translation>
    </message>
    <message>
        <source>created {created} · updated {updated}</source>
        <translation>creada el {created} · actualizada el {updated}</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>fijada</translation>
    </message>
</context>
<context>
    <name>PersonalCopy</name>
    <message>
        <source>Saving what you can see of {name} to {file}…
A large workspace takes a few minutes.</source>
        <translation>Guardando lo que usted ve de {name} en {file}…
Un espacio de trabajo grande tarda unos minutos.</translation>
    </message>
    <message>
        <source>Save a Personal Copy</source>
        <translation>Guardar una copia personal</translation>
    </message>
</context>
<context>
    <name>PickSourceDialog</name>
    <message>
        <source>Link Existing Source</source>
        <translation>Vincular fuente existente</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Type to narrow the list</source>
        <translation>Escriba para filtrar la lista</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Fuente</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Vincular</translation>
    </message>
    <message>
        <source>choose a source from the list</source>
        <translation>elija una fuente de la lista</translation>
    </message>
</context>
<context>
    <name>PolicyDetailPane</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cifras</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Select a policy to read its history, sources, figures and notes.</source>
        <translation>Seleccione una política para ver su historial, fuentes, cifras y notas.</translation>
    </message>
    <message>
        <source>Policy details</source>
        <translation>Detalles de la política</translation>
    </message>
    <message>
        <source>{tab} of the selected policy</source>
        <translation>{tab} de la política seleccionada</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known</source>
        <translation>AAAA-MM-DD, o AAAA-MM o AAAA si solo se conoce el mes o el año</translation>
    </message>
    <message>
        <source>Edit Policy</source>
        <translation>Editar política</translation>
    </message>
    <message>
        <source>New Policy</source>
        <translation>Nueva política</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>S&amp;lug</source>
        <translation>&amp;Identificador</translation>
    </message>
    <message>
        <source>made from the title</source>
        <translation>se genera a partir del título</translation>
    </message>
    <message>
        <source>Up to {limit} lowercase letters, digits and hyphens; used on the command line and in links.</source>
        <translation>Hasta {limit} letras minúsculas, cifras y guiones; se usa en la línea de órdenes y en los enlaces.</translation>
    </message>
    <message>
        <source>&amp;Also known as</source>
        <translation>Tam&amp;bién conocida como</translation>
    </message>
    <message>
        <source>Other names, separated by semicolons</source>
        <translation>Otros nombres, separados por punto y coma</translation>
    </message>
    <message>
        <source>&amp;Jurisdiction</source>
        <translation>&amp;Jurisdicción</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Ti&amp;po</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>Legal &amp;basis</source>
        <translation>Base &amp;legal</translation>
    </message>
    <message>
        <source>A&amp;gencies</source>
        <translation>&amp;Organismos</translation>
    </message>
    <message>
        <source>Separated by semicolons</source>
        <translation>Separados por punto y coma</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <source>&lt;b&gt;First status event&lt;/b&gt; (optional: leave the date empty for none)</source>
        <translation>&lt;b&gt;Primer evento de estado&lt;/b&gt; (opcional: deje la fecha vacía si no hay ninguno)</translation>
    </message>
    <message>
        <source>Status &amp;date</source>
        <translation>&amp;Fecha del estado</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Es&amp;tado</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>F&amp;uente</translation>
    </message>
    <message>
        <source>Title of the document or article it rests on (optional)</source>
        <translation>Título del documento o artículo en que se basa (opcional)</translation>
    </message>
    <message>
        <source>Source &amp;web address</source>
        <translation>&amp;Dirección web de la fuente</translation>
    </message>
    <message>
        <source>Last &amp;verified</source>
        <translation>Última &amp;verificación</translation>
    </message>
    <message>
        <source>The day this policy&apos;s facts were last checked against sources (YYYY-MM-DD).</source>
        <translation>El día en que se comprobaron por última vez con las fuentes los datos de esta política (AAAA-MM-DD).</translation>
    </message>
</context>
<context>
    <name>PolicyTableModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdicción</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Also known as: {aliases}</source>
        <translation>También conocida como: {aliases}</translation>
    </message>
    <message>
        <source>Uncertain: this policy has no dated history</source>
        <translation>Incierto: esta política no tiene historial fechado</translation>
    </message>
    <message>
        <source>{status} (dated only {date})</source>
        <translation>{status} (fechado solo {date})</translation>
    </message>
    <message>
        <source>Uncertain on this day: an event known only to its month or year may already have made it: {events}</source>
        <translation>Incierto este día: un hecho conocido solo por su mes o año puede haberlo cambiado ya a: {events}</translation>
    </message>
    <message>
        <source>Not yet begun on this day</source>
        <translation>Aún no había comenzado este día</translation>
    </message>
    <message>
        <source>{date} (known to the day)</source>
        <translation>{date} (fecha exacta)</translation>
    </message>
    <message>
        <source>{date} (known to the month)</source>
        <translation>{date} (solo se conoce el mes)</translation>
    </message>
    <message>
        <source>{date} (known to the year)</source>
        <translation>{date} (solo se conoce el año)</translation>
    </message>
    <message>
        <source>not yet begun</source>
        <translation>aún no iniciada</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Idioma del sistema ({language})</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>Your name, for the title block of briefings</source>
        <translation>Tu nombre, para la portada de los informes</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organización:</translation>
    </message>
    <message>
        <source>Policy Tracker will show {language} the next time it starts.</source>
        <translation>Policy Tracker se mostrará en {language} la próxima vez que se inicie.</translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <source>New Relation</source>
        <translation>Nueva relación</translation>
    </message>
    <message>
        <source>&amp;This policy</source>
        <translation>&amp;Esta política</translation>
    </message>
    <message>
        <source>&amp;Other policy</source>
        <translation>&amp;Otra política</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Nota</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurar desde copia de seguridad</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Choose a backup. The workspace as it is now is backed up first, so nothing is lost.</source>
        <translation>Elija una copia de seguridad. Antes se hace una copia del espacio de trabajo en su estado actual, así que no se pierde nada.</translation>
    </message>
    <message>
        <source>There are no backups of this workspace yet.</source>
        <translation>Aún no hay copias de seguridad de este espacio de trabajo.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln policies</source>
        <translation>
            <numerusform>%Ln política</numerusform>
            <numerusform>%Ln políticas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln nota</numerusform>
            <numerusform>%Ln notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source(s)</source>
        <translation>
            <numerusform>%Ln fuente</numerusform>
            <numerusform>%Ln fuentes</numerusform>
        </translation>
    </message>
    <message>
        <source>{when} — {policies}, {notes}, {sources} (safety copy made before a restore)</source>
        <translation>{when} — {policies}, {notes}, {sources} (copia de seguridad hecha antes de una restauración)</translation>
    </message>
    <message>
        <source>{when} — {policies}, {notes}, {sources}</source>
        <translation>{when} — {policies}, {notes}, {sources}</translation>
    </message>
</context>
<context>
    <name>SafetyController</name>
    <message>
        <source>The daily backup failed: {error}</source>
        <translation>Falló la copia de seguridad diaria: {error}</translation>
    </message>
    <message>
        <source>Daily backup saved to {file}</source>
        <translation>Copia de seguridad diaria guardada en {file}</translation>
    </message>
    <message>
        <source>{problem}

Restore the latest good backup? The damaged file is moved aside, never overwritten or deleted.</source>
        <translation>{problem}

¿Restaurar la última copia de seguridad válida? El archivo dañado se guarda aparte; nunca se sobrescribe ni se elimina.</translation>
    </message>
    <message>
        <source>Workspace in a Synced Folder</source>
        <translation>Espacio de trabajo en una carpeta sincronizada</translation>
    </message>
    <message>
        <source>This workspace is inside a {service} folder.</source>
        <translation>Este espacio de trabajo está dentro de una carpeta de {service}.</translation>
    </message>
    <message>
        <source>Sync tools can copy a database while it is being written, which is a known cause of damaged files. Keep the workspace in a folder that is not synced, and rely on Policy Tracker&apos;s backups (or copy backups to the synced folder instead).</source>
        <translation>Las herramientas de sincronización pueden copiar una base de datos mientras se escribe en ella, una causa conocida de archivos dañados. Guarde el espacio de trabajo en una carpeta que no se sincronice y confíe en las copias de seguridad de Policy Tracker (o, si lo prefiere, copie las copias de seguridad a la carpeta sincronizada).</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>Copia de seguridad guardada en {file}</translation>
    </message>
    <message>
        <source>The damaged file was kept as {file}</source>
        <translation>El archivo dañado se conservó como {file}</translation>
    </message>
    <message>
        <source>Restore Failed</source>
        <translation>Error al restaurar</translation>
    </message>
    <message>
        <source>Restored the backup of {backup}</source>
        <translation>Se restauró la copia de seguridad de {backup}</translation>
    </message>
</context>
<context>
    <name>SaveSearchDialog</name>
    <message>
        <source>Save Search</source>
        <translation>Guardar búsqueda</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>e.g. Texas litigation</source>
        <translation>p. ej., litigios en Texas</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Edit Source</source>
        <translation>Editar fuente</translation>
    </message>
    <message>
        <source>New Source</source>
        <translation>Nueva fuente</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation>&amp;Dirección web</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Editor</translation>
    </message>
    <message>
        <source>&amp;Authors</source>
        <translation>&amp;Autores</translation>
    </message>
    <message>
        <source>Separated by semicolons</source>
        <translation>Separados por punto y coma</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Ti&amp;po</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Issuer</source>
        <translation>E&amp;misor</translation>
    </message>
    <message>
        <source>Agency or court, for documents</source>
        <translation>Organismo o tribunal, en el caso de documentos</translation>
    </message>
    <message>
        <source>&amp;Excerpts</source>
        <translation>E&amp;xtractos</translation>
    </message>
    <message>
        <source>Exact quotations; separate them with a blank line.</source>
        <translation>Citas textuales; sepárelas con una línea en blanco.</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Nota</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>{problem}

There is no backup to restore.</source>
        <translation>{problem}

No hay ninguna copia de seguridad para restaurar.</translation>
    </message>
    <message>
        <source>{problem}. To restore the latest backup, run: policy-tracker restore latest</source>
        <translation>{problem}. Para restaurar la copia de seguridad más reciente, ejecute: policy-tracker restore latest</translation>
    </message>
    <message>
        <source>{problem}

Restore the latest good backup, {backup}? The damaged file is moved aside, never overwritten or deleted.</source>
        <translation>{problem}

¿Restaurar la última copia de seguridad válida, {backup}? El archivo dañado se guarda aparte; nunca se sobrescribe ni se elimina.</translation>
    </message>
</context>
<context>
    <name>TeamLink</name>
    <message>
        <source>Team: {name} · you are {user}</source>
        <translation>Equipo: {name} · usted es {user}</translation>
    </message>
    <message>
        <source>Team: {name}</source>
        <translation>Equipo: {name}</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Follow the System</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>Colour key</source>
        <translation>Leyenda de colores</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>A fecha de {date}</translation>
    </message>
    <message>
        <source>{decade}s</source>
        <translation>años {decade}</translation>
    </message>
    <message>
        <source>Source: {title}</source>
        <translation>Fuente: {title}</translation>
    </message>
</context>
<context>
    <name>TimelineWindow</name>
    <message>
        <source>Cannot tell the format of {file}: name it .svg or .png</source>
        <translation>No se puede determinar el formato de {file}: use la extensión .svg o .png</translation>
    </message>
    <message>
        <source>Timeline — {workspace}</source>
        <translation>Línea de tiempo — {workspace}</translation>
    </message>
    <message>
        <source>By start date</source>
        <translation>Por fecha de inicio</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>Por título</translation>
    </message>
    <message>
        <source>Sort lanes</source>
        <translation>Ordenar filas</translation>
    </message>
    <message>
        <source>Fit All</source>
        <translation>Ajustar todo</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Export Picture…</source>
        <translation>Exportar imagen…</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Ctrl+wheel zooms, dragging pans, a click on a marker shows that event. Boxes are events known only to the month or year.</source>
        <translation>Ctrl+rueda acerca o aleja, arrastrar desplaza la vista y un clic en un marcador muestra ese evento. Los recuadros son eventos de los que solo se conoce el mes o el año.</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>Exportar línea de tiempo</translation>
    </message>
    <message>
        <source>SVG picture (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Timeline saved to {file}</source>
        <translation>Línea de tiempo guardada en {file}</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <source>Deleted entries</source>
        <translation>Elementos eliminados</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>La papelera está vacía.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>&amp;Delete Permanently…</source>
        <translation>&amp;Eliminar definitivamente…</translation>
    </message>
    <message>
        <source>Status event</source>
        <translation>Evento de estado</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>Se restauró “{title}”.</translation>
    </message>
    <message>
        <source>Delete “{title}” permanently? This cannot be undone.</source>
        <translation>¿Eliminar “{title}” definitivamente? Esta acción no se puede deshacer.</translation>
    </message>
    <message numerus="yes">
        <source>Its %Ln note(s) will be deleted too.</source>
        <translation>
            <numerusform>También se eliminará su %Ln nota.</numerusform>
            <numerusform>También se eliminarán sus %Ln notas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Permanently</source>
        <translation>Eliminar definitivamente</translation>
    </message>
    <message>
        <source>Deleted “{title}” permanently.</source>
        <translation>Se eliminó “{title}” definitivamente.</translation>
    </message>
</context>
<context>
    <name>UndoCommand</name>
    <message>
        <source>Add policy ‘{name}’</source>
        <translation>Agregar política ‘{name}’</translation>
    </message>
    <message>
        <source>Edit policy ‘{name}’</source>
        <translation>Editar política ‘{name}’</translation>
    </message>
    <message>
        <source>Add status event ‘{name}’</source>
        <translation>Agregar evento de estado ‘{name}’</translation>
    </message>
    <message>
        <source>Edit status event ‘{name}’</source>
        <translation>Editar evento de estado ‘{name}’</translation>
    </message>
    <message>
        <source>Add source ‘{name}’</source>
        <translation>Agregar fuente ‘{name}’</translation>
    </message>
    <message>
        <source>Edit source ‘{name}’</source>
        <translation>Editar fuente ‘{name}’</translation>
    </message>
    <message>
        <source>Link source ‘{name}’</source>
        <translation>Vincular fuente ‘{name}’</translation>
    </message>
    <message>
        <source>Unlink source ‘{name}’</source>
        <translation>Desvincular fuente ‘{name}’</translation>
    </message>
    <message>
        <source>Add note ‘{name}’</source>
        <translation>Agregar nota ‘{name}’</translation>
    </message>
    <message>
        <source>Edit note ‘{name}’</source>
        <translation>Editar nota ‘{name}’</translation>
    </message>
    <message>
        <source>Add relation ‘{name}’</source>
        <translation>Agregar relación ‘{name}’</translation>
    </message>
    <message>
        <source>Delete relation ‘{name}’</source>
        <translation>Eliminar relación ‘{name}’</translation>
    </message>
    <message>
        <source>Delete policy ‘{name}’</source>
        <translation>Eliminar política ‘{name}’</translation>
    </message>
    <message>
        <source>Delete status event ‘{name}’</source>
        <translation>Eliminar evento de estado ‘{name}’</translation>
    </message>
    <message>
        <source>Delete source ‘{name}’</source>
        <translation>Eliminar fuente ‘{name}’</translation>
    </message>
    <message>
        <source>Delete note ‘{name}’</source>
        <translation>Eliminar nota ‘{name}’</translation>
    </message>
    <message>
        <source>Restore policy ‘{name}’</source>
        <translation>Restaurar política ‘{name}’</translation>
    </message>
    <message>
        <source>Restore status event ‘{name}’</source>
        <translation>Restaurar evento de estado ‘{name}’</translation>
    </message>
    <message>
        <source>Restore source ‘{name}’</source>
        <translation>Restaurar fuente ‘{name}’</translation>
    </message>
    <message>
        <source>Restore note ‘{name}’</source>
        <translation>Restaurar nota ‘{name}’</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Proposed</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Anunciada</translation>
    </message>
    <message>
        <source>Enacted</source>
        <translation>Promulgada</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>En vigor</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendida</translation>
    </message>
    <message>
        <source>Blocked by court</source>
        <translation>Bloqueada por un tribunal</translation>
    </message>
    <message>
        <source>Under litigation</source>
        <translation>En litigio</translation>
    </message>
    <message>
        <source>Reinstated</source>
        <translation>Restablecida</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Sustituida</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirada</translation>
    </message>
    <message>
        <source>Not enacted</source>
        <translation>No promulgada</translation>
    </message>
    <message>
        <source>US federal</source>
        <translation>Federal (EE. UU.)</translation>
    </message>
    <message>
        <source>Mexico federal</source>
        <translation>Federal (México)</translation>
    </message>
    <message>
        <source>Texas</source>
        <translation>Texas</translation>
    </message>
    <message>
        <source>Other US state</source>
        <translation>Otro estado de EE. UU.</translation>
    </message>
    <message>
        <source>Bilateral US–Mexico</source>
        <translation>Bilateral EE. UU.–México</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>Multilateral</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Executive program</source>
        <translation>Programa ejecutivo</translation>
    </message>
    <message>
        <source>Executive order</source>
        <translation>Orden ejecutiva</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>Reglamento</translation>
    </message>
    <message>
        <source>Public-health order</source>
        <translation>Orden de salud pública</translation>
    </message>
    <message>
        <source>Statute</source>
        <translation>Ley</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Proyecto de ley</translation>
    </message>
    <message>
        <source>State law</source>
        <translation>Ley estatal</translation>
    </message>
    <message>
        <source>Bilateral framework</source>
        <translation>Marco bilateral</translation>
    </message>
    <message>
        <source>Bilateral commitment</source>
        <translation>Compromiso bilateral</translation>
    </message>
    <message>
        <source>Funding commitment</source>
        <translation>Compromiso de financiamiento</translation>
    </message>
    <message>
        <source>Operational measure</source>
        <translation>Medida operativa</translation>
    </message>
    <message>
        <source>Court ruling</source>
        <translation>Resolución judicial</translation>
    </message>
    <message>
        <source>News</source>
        <translation>Prensa</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>Gobierno</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <source>Legislation</source>
        <translation>Legislación</translation>
    </message>
    <message>
        <source>Research / NGO</source>
        <translation>Investigación / ONG</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Opinión</translation>
    </message>
    <message>
        <source>Supersedes</source>
        <translation>Sustituye a</translation>
    </message>
    <message>
        <source>Related to</source>
        <translation>Relacionada con</translation>
    </message>
    <message>
        <source>Conflicts with</source>
        <translation>En conflicto con</translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation>Sustituida por</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Informado</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>Sin confirmar</translation>
    </message>
    <message>
        <source>Starter data</source>
        <translation>Datos iniciales</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>Write what you can see of this team workspace to a local file</source>
        <translation>Escribir lo que usted ve de este espacio de equipo en un archivo local</translation>
    </message>
    <message>
        <source>Team: {address}</source>
        <translation>Equipo: {address}</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>No hay espacios de trabajo recientes</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Abrir espacio de trabajo</translation>
    </message>
    <message>
        <source>Policy Tracker workspaces (*.sqlite)</source>
        <translation>Espacios de trabajo de Policy Tracker (*.sqlite)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Saved {count} policies to {file}</source>
        <translation>Se guardaron {count} políticas en {file}</translation>
    </message>
    <message>
        <source>Save a Personal Copy</source>
        <translation>Guardar una copia personal</translation>
    </message>
    <message>
        <source>Password Not Kept</source>
        <translation>Contraseña no guardada</translation>
    </message>
    <message>
        <source>Cannot Open Workspace</source>
        <translation>No se puede abrir el espacio de trabajo</translation>
    </message>
</context>
<context>
    <name>WorkspaceLock</name>
    <message>
        <source>Cannot create the lock file {file}: {reason}</source>
        <translation>No se puede crear el archivo de bloqueo {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} is already open in this window.</source>
        <translation>{file} ya está abierto en esta ventana.</translation>
    </message>
    <message>
        <source>{file} is being changed by another Policy Tracker command; try again shortly.</source>
        <translation>Otra orden de Policy Tracker está modificando {file}; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>{file} is open in another Policy Tracker window (process {process} on {host}). Switch to that window to keep working.</source>
        <translation>{file} está abierto en otra ventana de Policy Tracker (proceso {process} en {host}). Cambie a esa ventana para seguir trabajando.</translation>
    </message>
    <message>
        <source>{file} is open in another Policy Tracker window. Switch to that window to keep working.</source>
        <translation>{file} está abierto en otra ventana de Policy Tracker. Cambie a esa ventana para seguir trabajando.</translation>
    </message>
</context>
</TS>
