<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditWindow</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n policies</source>
        <translation>
            <numerusform>%n policy</numerusform>
            <numerusform>%n policies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesWindow</name>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message numerus="yes">
        <source>%n status event(s)</source>
        <translation>
            <numerusform>%n status event</numerusform>
            <numerusform>%n status events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s)</source>
        <translation>
            <numerusform>%n figure</numerusform>
            <numerusform>%n figures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Selected policies (%Ln)</source>
        <translation>
            <numerusform>Selected policy (%Ln)</numerusform>
            <numerusform>Selected policies (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The title, table and contents count all; the first %Ln are laid out.</source>
        <translation>
            <numerusform>The title, table and contents count all; the first %Ln is laid out.</numerusform>
            <numerusform>The title, table and contents count all; the first %Ln are laid out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview: %Ln policies in this export.</source>
        <translation>
            <numerusform>Preview: %Ln policy in this export.</numerusform>
            <numerusform>Preview: %Ln policies in this export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln policies to {target} …</source>
        <translation>
            <numerusform>Exporting %Ln policy to {target} …</numerusform>
            <numerusform>Exporting %Ln policies to {target} …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message numerus="yes">
        <source>{name}: %n policies match now. Right-click to delete.</source>
        <translation>
            <numerusform>{name}: %n policy matches now. Right-click to delete.</numerusform>
            <numerusform>{name}: %n policies match now. Right-click to delete.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln policies</source>
        <translation>
            <numerusform>%Ln policy</numerusform>
            <numerusform>%Ln policies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln status events</source>
        <translation>
            <numerusform>%Ln status event</numerusform>
            <numerusform>%Ln status events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sources</source>
        <translation>
            <numerusform>%Ln source</numerusform>
            <numerusform>%Ln sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln excerpts</source>
        <translation>
            <numerusform>%Ln excerpt</numerusform>
            <numerusform>%Ln excerpts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln relations</source>
        <translation>
            <numerusform>%Ln relation</numerusform>
            <numerusform>%Ln relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln figures</source>
        <translation>
            <numerusform>%Ln figure</numerusform>
            <numerusform>%Ln figures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed here more recently than in the file</source>
        <translation>
            <numerusform>%Ln changed here more recently than in the file</numerusform>
            <numerusform>%Ln changed here more recently than in the file</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Reading %Ln policies…</source>
        <translation>
            <numerusform>Reading %Ln policy…</numerusform>
            <numerusform>Reading %Ln policies…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln policies</source>
        <translation>
            <numerusform>{shown} of %Ln policy</numerusform>
            <numerusform>{shown} of %Ln policies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesWindow</name>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>%Ln policies</source>
        <translation>
            <numerusform>%Ln policy</numerusform>
            <numerusform>%Ln policies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source(s)</source>
        <translation>
            <numerusform>%Ln source</numerusform>
            <numerusform>%Ln sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message numerus="yes">
        <source>Its %Ln note(s) will be deleted too.</source>
        <translation>
            <numerusform>Its %Ln note will be deleted too.</numerusform>
            <numerusform>Its %Ln notes will be deleted too.</numerusform>
        </translation>
    </message>
</context>
</TS>
