<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ArticleView</name>
    <message>
        <source>Place name</source>
        <translation>اسم مكان</translation>
    </message>
    <message>
        <source>Demonym (adjective of a place)</source>
        <translation>نسبة (صفة منسوبة إلى مكان)</translation>
    </message>
    <message>
        <source>The file changed since it was indexed: some mentions are not shown.</source>
        <translation>تغيّر الملف منذ فهرسته: بعض الإشارات لا تظهر.</translation>
    </message>
    <message>
        <source>page {n}</source>
        <translation>صفحة {n}</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>Compare periods…</source>
        <translation>قارن فترتين…</translation>
    </message>
    <message>
        <source>Colour the places by how their mentions changed from one period to another</source>
        <translation>لوّن الأماكن بحسب تغيّر ذكرها من فترة إلى أخرى</translation>
    </message>
    <message>
        <source>comparing {a} with {b}</source>
        <translation>مقارنة {a} بـ {b}</translation>
    </message>
    <message>
        <source>the saved comparison of periods cannot be used ({why}); nothing is compared</source>
        <translation>لا يمكن استخدام المقارنة المحفوظة بين الفترتين ({why})؛ لا تُجرى أي مقارنة</translation>
    </message>
    <message>
        <source>The periods could not be compared: {why}</source>
        <translation>تعذّرت مقارنة الفترتين: {why}</translation>
    </message>
    <message>
        <source>Period A: {a} · period B: {b}</source>
        <translation>الفترة أ: {a} · الفترة ب: {b}</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>في أ فقط</translation>
    </message>
    <message>
        <source>more in A</source>
        <translation>أكثر في أ</translation>
    </message>
    <message>
        <source>as many in both</source>
        <translation>بالقدر نفسه في كلتيهما</translation>
    </message>
    <message>
        <source>more in B</source>
        <translation>أكثر في ب</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>في ب فقط</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Export corrections as a gazetteer…</source>
        <translation>تصدير التصحيحات معجمًا جغرافيًا…</translation>
    </message>
    <message>
        <source>Corrections are stored in the folder&apos;s index, which is not built</source>
        <translation>تُحفظ التصحيحات في فهرس المجلد، ولم يُبنَ بعد</translation>
    </message>
    <message>
        <source>Corrections can be made once indexing has finished</source>
        <translation>يمكن التصحيح بعد انتهاء الفهرسة</translation>
    </message>
    <message>
        <source>Correct «{name}»</source>
        <translation>تصحيح «{name}»</translation>
    </message>
    <message>
        <source>Not a place</source>
        <translation>ليس مكانًا</translation>
    </message>
    <message>
        <source>Another place</source>
        <translation>مكان آخر</translation>
    </message>
    <message>
        <source>Search the gazetteer…</source>
        <translation>البحث في المعجم الجغرافي…</translation>
    </message>
    <message>
        <source>Add a new place on the map…</source>
        <translation>إضافة مكان جديد على الخريطة…</translation>
    </message>
    <message>
        <source>Not a place: «{name}»</source>
        <translation>ليس مكانًا: «{name}»</translation>
    </message>
    <message>
        <source>«{name}» is {place}</source>
        <translation>«{name}» هو {place}</translation>
    </message>
    <message>
        <source>«{name}» accepted as {place}</source>
        <translation>«{name}» مقبول على أنه {place}</translation>
    </message>
    <message>
        <source>The correction was not stored: {error}</source>
        <translation>لم يُحفظ التصحيح: {error}</translation>
    </message>
    <message>
        <source>Applying the correction…</source>
        <translation>جارٍ تطبيق التصحيح…</translation>
    </message>
    <message>
        <source>Not applied: {what}</source>
        <translation>لم يُطبَّق: {what}</translation>
    </message>
    <message>
        <source>The correction was not undone: {error}</source>
        <translation>لم يُتراجع عن التصحيح: {error}</translation>
    </message>
    <message>
        <source>Click the map where «{name}» is (Esc: cancel)</source>
        <translation>انقر على الخريطة حيث يقع «{name}» (Esc: إلغاء)</translation>
    </message>
    <message>
        <source>Export corrections as a gazetteer</source>
        <translation>تصدير التصحيحات معجمًا جغرافيًا</translation>
    </message>
    <message>
        <source>Gazetteer YAML (*.yaml)</source>
        <translation>معجم جغرافي YAML (*.yaml)</translation>
    </message>
    <message>
        <source>The corrections were not exported: {error}</source>
        <translation>لم تُصدَّر التصحيحات: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n correction(s) exported to {file}</source>
        <translation>
            <numerusform>صُدِّر %n تصحيح إلى {file}</numerusform>
            <numerusform>صُدِّر تصحيح واحد إلى {file}</numerusform>
            <numerusform>صُدِّر تصحيحان إلى {file}</numerusform>
            <numerusform>صُدِّرت %n تصحيحات إلى {file}</numerusform>
            <numerusform>صُدِّر %n تصحيحًا إلى {file}</numerusform>
            <numerusform>صُدِّر %n تصحيح إلى {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorrectionsDock</name>
    <message>
        <source>Corrections</source>
        <translation>التصحيحات</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>المحفوظة</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>قائمة المراجعة</translation>
    </message>
</context>
<context>
    <name>CorrectionsList</name>
    <message>
        <source>this mention</source>
        <translation>هذا الذكر</translation>
    </message>
    <message>
        <source>this article</source>
        <translation>هذا المقال</translation>
    </message>
    <message>
        <source>the whole corpus</source>
        <translation>المجموعة كلها</translation>
    </message>
    <message>
        <source>«{name}»: not a place</source>
        <translation>«{name}»: ليس مكانًا</translation>
    </message>
    <message>
        <source>«{name}» accepted as {place}</source>
        <translation>«{name}» مقبول على أنه {place}</translation>
    </message>
    <message>
        <source>every article</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>Filter corrections (name, place, article)…</source>
        <translation>تصفية التصحيحات (الاسم، المكان، المقال)…</translation>
    </message>
    <message>
        <source>Every scope</source>
        <translation>كل النطاقات</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>أين</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>النطاق</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Undo the selected corrections</source>
        <translation>التراجع عن التصحيحات المحددة</translation>
    </message>
    <message>
        <source>Take the selected corrections back for good (Delete)</source>
        <translation>إلغاء التصحيحات المحددة نهائيًا (Delete)</translation>
    </message>
    <message>
        <source>{n} of {total} corrections</source>
        <translation>{n} من {total} تصحيحات</translation>
    </message>
</context>
<context>
    <name>CountryFilter</name>
    <message>
        <source>Countries</source>
        <translation>الدول</translation>
    </message>
    <message>
        <source>Find a country…</source>
        <translation>ابحث عن دولة…</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>كل الدول</translation>
    </message>
    <message>
        <source>Shorten the list to the countries whose English or Arabic name holds these letters</source>
        <translation>اختصر القائمة إلى الدول التي يحوي اسمها العربي أو الإنجليزي هذه الحروف</translation>
    </message>
    <message>
        <source>Tick countries to show only their places (click, or Enter or Space on the current one)</source>
        <translation>اختر دولاً لعرض أماكنها وحدها (بالنقر، أو بمفتاح الإدخال أو المسافة على الدولة الحالية)</translation>
    </message>
    <message>
        <source>Untick every country: places everywhere</source>
        <translation>ألغِ اختيار كل الدول: الأماكن في كل مكان</translation>
    </message>
</context>
<context>
    <name>CountryListModel</name>
    <message>
        <source>{country} ({code}): {count} mentions of places in it (the country and its towns, regions, features; each marker counts its own)</source>
        <extracomment>Every country seen, for a ticked one the current query does not find.</extracomment>
        <translation>{country} ({code}): {count} إشارة إلى أماكن فيها (الدولة ومدنها ومناطقها ومعالمها؛ كل علامة تعدّ إشاراتها وحدها)</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n مقال</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالًا</numerusform>
            <numerusform>%n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n مقطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n مكان</numerusform>
            <numerusform>مكان واحد</numerusform>
            <numerusform>مكانان</numerusform>
            <numerusform>%n أماكن</numerusform>
            <numerusform>%n مكانًا</numerusform>
            <numerusform>%n مكان</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n ملف</numerusform>
            <numerusform>ملف واحد</numerusform>
            <numerusform>ملفان</numerusform>
            <numerusform>%n ملفات</numerusform>
            <numerusform>%n ملفًا</numerusform>
            <numerusform>%n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n إشارة</numerusform>
            <numerusform>إشارة واحدة</numerusform>
            <numerusform>إشارتان</numerusform>
            <numerusform>%n إشارات</numerusform>
            <numerusform>%n إشارةً</numerusform>
            <numerusform>%n إشارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place-name mention(s)</source>
        <translation>
            <numerusform>%n إشارة إلى أسماء الأماكن</numerusform>
            <numerusform>إشارة واحدة إلى اسم مكان</numerusform>
            <numerusform>إشارتان إلى أسماء الأماكن</numerusform>
            <numerusform>%n إشارات إلى أسماء الأماكن</numerusform>
            <numerusform>%n إشارةً إلى أسماء الأماكن</numerusform>
            <numerusform>%n إشارة إلى أسماء الأماكن</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s)</source>
        <translation>
            <numerusform>%n وسيلة إعلام</numerusform>
            <numerusform>وسيلة إعلام واحدة</numerusform>
            <numerusform>وسيلتَي إعلام</numerusform>
            <numerusform>%n وسائل إعلام</numerusform>
            <numerusform>%n وسيلة إعلام</numerusform>
            <numerusform>%n وسيلة إعلام</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n demonym mention(s)</source>
        <translation>
            <numerusform>%n إشارة إلى أسماء النسبة</numerusform>
            <numerusform>إشارة واحدة إلى اسم نسبة</numerusform>
            <numerusform>إشارتان إلى أسماء النسبة</numerusform>
            <numerusform>%n إشارات إلى أسماء النسبة</numerusform>
            <numerusform>%n إشارةً إلى أسماء النسبة</numerusform>
            <numerusform>%n إشارة إلى أسماء النسبة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Export</source>
        <extracomment>Opens a reader for the export&apos;s thread: a connection of its own, closed afterwards, or the window&apos;s in-memory reader as it is (``contextlib.nullcontext``).</extracomment>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>GeoJSON (places, for QGIS)…</source>
        <translation>GeoJSON (الأماكن، لبرنامج QGIS)…</translation>
    </message>
    <message>
        <source>CSV (mentions, for Excel)…</source>
        <translation>CSV (الإشارات، لبرنامج Excel)…</translation>
    </message>
    <message>
        <source>HTML map (one file, offline)…</source>
        <translation>خريطة HTML (ملف واحد، دون اتصال)…</translation>
    </message>
    <message>
        <source>PNG image of the map…</source>
        <translation>صورة PNG للخريطة…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>صورة PNG (*.png)</translation>
    </message>
    <message>
        <source>nothing is indexed yet</source>
        <translation>لم يُفهرس شيء بعد</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>جارٍ التصدير إلى {path}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>صُدِّر إلى {path}</translation>
    </message>
    <message>
        <source>Cannot export to {path}: {error}</source>
        <translation>تعذّر التصدير إلى {path}: {error}</translation>
    </message>
    <message>
        <source>Export only the selected place</source>
        <translation>صدّر المكان المحدد وحده</translation>
    </message>
    <message>
        <source>GeoJSON, CSV and HTML hold only the place selected on the map; the PNG is the map as shown</source>
        <translation>يحوي GeoJSON وCSV وHTML المكان المحدد على الخريطة وحده؛ وصورة PNG هي الخريطة كما تظهر</translation>
    </message>
    <message>
        <source>Places mentioned in {corpus}</source>
        <translation>الأماكن المذكورة في {corpus}</translation>
    </message>
    <message>
        <source>{corpus}, exported {date}</source>
        <translation>{corpus}، صُدّرت في {date}</translation>
    </message>
    <message>
        <source>{shown} of {total} passages shown</source>
        <translation>عُرض {shown} من {total} مقطعاً</translation>
    </message>
    <message>
        <source>No passage</source>
        <translation>لا مقطع</translation>
    </message>
    <message>
        <source>No filter: every place</source>
        <translation>بلا تصفية: كل الأماكن</translation>
    </message>
    <message>
        <source>Filter: {filter}</source>
        <translation>التصفية: {filter}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>A region: the places of its countries, and itself</source>
        <extracomment>Outlets listed in the sources menu at most (the most frequent).</extracomment>
        <translation>إقليم: أماكن دوله، والإقليم نفسه</translation>
    </message>
    <message>
        <source>Place names</source>
        <extracomment>(&quot;outlet&quot; or &quot;format&quot;, value) → its checkable action</extracomment>
        <translation>أسماء الأماكن</translation>
    </message>
    <message>
        <source>Demonyms</source>
        <translation>النِّسب</translation>
    </message>
    <message>
        <source>Minimum confidence</source>
        <translation>أدنى ثقة</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>كل الأقاليم</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>أنواع الملفات</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Place names or demonyms: one of them stays ticked (with neither, nothing would be shown)</source>
        <translation>أسماء الأماكن أو النِّسب: يبقى أحدهما محددًا (فبدونهما لا يُعرض شيء)</translation>
    </message>
    <message>
        <source>Kinds: {kinds}</source>
        <translation>الأنواع: {kinds}</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <source>Outlets and formats: {n}</source>
        <translation>المصادر وأنواع الملفات: {n}</translation>
    </message>
    <message>
        <source>All outlets and formats</source>
        <translation>كل المصادر وأنواع الملفات</translation>
    </message>
    <message>
        <source>Kinds of place shown: countries, provinces, districts, regions, cities, features (none ticked: every kind)</source>
        <translation>أنواع الأماكن المعروضة: دول، محافظات، أقضية، مناطق، مدن، معالم (إن لم يُختر شيء: كل الأنواع)</translation>
    </message>
    <message>
        <source>Only the articles of these outlets or file formats (none ticked: every article)</source>
        <translation>مقالات هذه المصادر أو صيغ الملفات وحدها (إن لم يُختر شيء: كل المقالات)</translation>
    </message>
    <message>
        <source>Adjectives of places («اللبنانية», Syrian, marocain), counted on their place</source>
        <translation>صفات الأماكن («اللبنانية»، Syrian، marocain)، تُحسب على مكانها</translation>
    </message>
    <message>
        <source>Only mentions the geoparser resolved with at least this confidence (0 to 1): how sure it is that the name means this place, from cues, the article&apos;s other places, kind and population. 0: every mention</source>
        <translation>الإشارات التي حدّدها المحلل الجغرافي بثقة لا تقل عن هذه القيمة (من 0 إلى 1): مدى يقينه بأن الاسم يعني هذا المكان، من القرائن وأماكن المقال الأخرى والنوع وعدد السكان. 0: كل الإشارات</translation>
    </message>
    <message>
        <source>Names of places («دمشق», «Damascus»), counted on their place</source>
        <translation>أسماء الأماكن («دمشق»، «Damascus»)، تُحسب لمكانها</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>in the area {box}</source>
        <translation>داخل المنطقة {box}</translation>
    </message>
    <message>
        <source>within {km} km of {place}</source>
        <translation>على بعد {km} كم من {place}</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>الدول</translation>
    </message>
    <message>
        <source>provinces</source>
        <translation>المحافظات</translation>
    </message>
    <message>
        <source>districts</source>
        <translation>المناطق الإدارية</translation>
    </message>
    <message>
        <source>regions</source>
        <translation>الأقاليم</translation>
    </message>
    <message>
        <source>cities</source>
        <translation>المدن</translation>
    </message>
    <message>
        <source>features</source>
        <translation>المعالم</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>الإسبانية</translation>
    </message>
    <message>
        <source>German</source>
        <translation>الألمانية</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>الإيطالية</translation>
    </message>
    <message>
        <source>only {kind}</source>
        <translation>{kind} فقط</translation>
    </message>
    <message>
        <source>place names and demonyms</source>
        <translation>أسماء الأماكن والنِّسب</translation>
    </message>
    <message>
        <source>demonyms only</source>
        <translation>النِّسب فقط</translation>
    </message>
    <message>
        <source>no mention type</source>
        <translation>بلا نوع ذِكر</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>من {start} إلى {end}</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>منذ {start}</translation>
    </message>
    <message>
        <source>until {end}</source>
        <translation>حتى {end}</translation>
    </message>
    <message>
        <source>confidence ≥ {value}</source>
        <translation>الثقة ≥ {value}</translation>
    </message>
    <message>
        <source>in a polygon of {n} corners</source>
        <translation>داخل مضلّع من {n} رؤوس</translation>
    </message>
    <message>
        <source>article {file}</source>
        <translation>المقال {file}</translation>
    </message>
    <message>
        <source>{format} files</source>
        <translation>ملفات {format}</translation>
    </message>
    <message>
        <source>each story once</source>
        <translation>كل قصة مرة واحدة</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>المرشحات:</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <extracomment>Chips of what is shown besides the filter (a comparison): key -&gt; (label, remove).</extracomment>
        <translation>إزالة هذا المرشح</translation>
    </message>
</context>
<context>
    <name>InView</name>
    <message>
        <source>Draw a &amp;polygon on the map</source>
        <translation>ارسم &amp;مضلّعًا على الخريطة</translation>
    </message>
    <message>
        <source>Click the polygon&apos;s corners on the map, double-click or press Enter to close it (Esc gives it up): only the places inside it are shown</source>
        <translation>انقر رؤوس المضلّع على الخريطة، ثم انقر نقرًا مزدوجًا أو اضغط Enter لإغلاقه (Esc يلغيه): لا تظهر إلا الأماكن التي في داخله</translation>
    </message>
    <message>
        <source>&amp;Within a distance of the selected place…</source>
        <translation>&amp;على مسافة من المكان المحدد…</translation>
    </message>
    <message>
        <source>Within a distance</source>
        <translation>على مسافة</translation>
    </message>
    <message>
        <source>Places within how many km of {place}?</source>
        <translation>الأماكن على بعد كم كيلومترا من {place}؟</translation>
    </message>
    <message>
        <source>The polygon drawn is not used: {why}</source>
        <translation>لم يُستعمل المضلّع المرسوم: {why}</translation>
    </message>
    <message>
        <source>&amp;Draw an area on the map</source>
        <translation>&amp;ارسم منطقة على الخريطة</translation>
    </message>
    <message>
        <source>Drag a box on the map: only the places inside it are shown</source>
        <translation>اسحب مستطيلا على الخريطة: تظهر الأماكن التي داخله فقط</translation>
    </message>
    <message>
        <source>Only what is in &amp;view</source>
        <translation>ما في العرض &amp;فقط</translation>
    </message>
    <message>
        <source>Passages, places, counts and timeline follow the map&apos;s view</source>
        <translation>تتبع المقاطع والأماكن والأعداد والخط الزمني ما تعرضه الخريطة</translation>
    </message>
</context>
<context>
    <name>LayersMenu</name>
    <message>
        <source>&amp;Layers</source>
        <translation>&amp;طبقات</translation>
    </message>
    <message>
        <source>Markers and groups of places</source>
        <translation>العلامات ومجموعات الأماكن</translation>
    </message>
    <message>
        <source>Heatmap of mentions</source>
        <translation>خريطة حرارية للإشارات</translation>
    </message>
    <message>
        <source>Countries by mentions</source>
        <translation>الدول حسب الإشارات</translation>
    </message>
    <message>
        <source>Places mentioned with the selection</source>
        <translation>الأماكن المذكورة مع المكان المحدَّد</translation>
    </message>
    <message>
        <source>Heat: where the mentions gather</source>
        <translation>الحرارة: حيث تتركّز الإشارات</translation>
    </message>
    <message>
        <source>Country colour: mentions of the places in it</source>
        <translation>لون الدولة: الإشارات إلى الأماكن فيها</translation>
    </message>
    <message>
        <source>Lines: places named in the same passages as the selection</source>
        <translation>الخطوط: أماكن وردت في المقاطع نفسها مع المكان المحدَّد</translation>
    </message>
    <message>
        <source>the saved map layers cannot be used ({why}); the default ones are shown</source>
        <translation>لا يمكن استخدام طبقات الخريطة المحفوظة ({why})؛ تُعرض الطبقات الافتراضية</translation>
    </message>
    <message>
        <source>Rivers</source>
        <translation>الأنهار</translation>
    </message>
    <message>
        <source>Lakes</source>
        <translation>البحيرات</translation>
    </message>
    <message>
        <source>Borders of states and provinces</source>
        <translation>حدود الولايات والمحافظات</translation>
    </message>
    <message>
        <source>Rivers (when zoomed in)</source>
        <translation>الأنهار (عند التكبير)</translation>
    </message>
    <message>
        <source>Lakes (when zoomed in)</source>
        <translation>البحيرات (عند التكبير)</translation>
    </message>
    <message>
        <source>Borders of states and provinces (when zoomed in)</source>
        <translation>حدود الولايات والمحافظات (عند التكبير)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{mentions} in {passages}</source>
        <extracomment>Told of the places mentioned with the selected place (None and []: no place is selected).</extracomment>
        <translation>{mentions}، {passages}</translation>
    </message>
    <message>
        <source>{mentions} in {passages} of {articles}</source>
        <translation>{mentions}، {passages}، {articles}</translation>
    </message>
    <message>
        <source>Search passages…</source>
        <translation>ابحث في المقاطع…</translation>
    </message>
    <message>
        <source>Words: passages holding every one (an Arabic word also with و ف ب ك ل ال attached)
&quot;a phrase&quot;: its words in this order
word*: words starting so
a OR b (or أو): either
-word: passages without it</source>
        <translation>كلمات: المقاطع التي تحويها كلها (والكلمة العربية مع و ف ب ك ل ال المتصلة بها أيضًا)
&quot;عبارة&quot;: كلماتها بهذا الترتيب
كلمة*: الكلمات التي تبدأ بها
أ أو ب (أو OR): إحداهما
-كلمة: المقاطع الخالية منها</translation>
    </message>
    <message>
        <source>opening the index…</source>
        <translation>جارٍ فتح الفهرس…</translation>
    </message>
    <message>
        <source>Open a folder of articles</source>
        <translation>افتح مجلد مقالات</translation>
    </message>
    <message>
        <source>{error}. What was indexed is shown; see the log for details.</source>
        <translation>{error}. يُعرض ما فُهرس حتى الآن؛ التفاصيل في السجل.</translation>
    </message>
    <message>
        <source>{error}. Open a folder of .txt articles.</source>
        <translation>{error}. افتح مجلدًا من مقالات ‎.txt.</translation>
    </message>
    <message>
        <source>{error}. The map shows what is indexed so far.</source>
        <translation>{error}. تعرض الخريطة ما فُهرس حتى الآن.</translation>
    </message>
    <message>
        <source>{error}. Point the index at a regular file.</source>
        <translation>{error}. اختر للفهرس ملفًا عاديًا.</translation>
    </message>
    <message>
        <source>{error}. It is left as it is: point the index at another file.</source>
        <translation>{error}. تُرك كما هو: اختر للفهرس ملفًا آخر.</translation>
    </message>
    <message>
        <source>{error}. The map shows the index as it was last built, corrections included; it cannot be updated.</source>
        <translation>{error}. تعرض الخريطة الفهرس كما بُني آخر مرة، بما فيه التصحيحات؛ ولا يمكن تحديثه.</translation>
    </message>
    <message>
        <source>{error}. Rebuild it? Its analyst data are kept and the old file is backed up beside it.</source>
        <translation>{error}. هل تريد إعادة بنائه؟ تُحفظ بيانات المحلل، ويُنسخ الملف القديم احتياطيًا بجانبه.</translation>
    </message>
    <message>
        <source>Cannot rebuild the index: {error}</source>
        <translation>تعذّرت إعادة بناء الفهرس: {error}</translation>
    </message>
    <message>
        <source> ({files} refused, see Problems)</source>
        <translation> (رُفض {files}، انظر المشكلات)</translation>
    </message>
    <message>
        <source>No readable article (.txt) in {folder}{why}. Open a folder of .txt articles.</source>
        <translation>لا توجد مقالة قابلة للقراءة (‎.txt) في {folder}{why}. افتح مجلدًا من مقالات ‎.txt.</translation>
    </message>
    <message>
        <source>Nothing to show</source>
        <translation>لا شيء لعرضه</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>المشكلات ({count})</translation>
    </message>
    <message>
        <source>the saved filter cannot be used ({why}); all is shown</source>
        <translation>لا يمكن استخدام المرشح المحفوظ ({why})؛ يُعرض كل شيء</translation>
    </message>
    <message>
        <source>Only the first {count} different words are searched; {dropped} left out.</source>
        <translation>يُبحث عن أول {count} كلمة مختلفة فقط؛ تُركت {dropped}.</translation>
    </message>
    <message>
        <source>The search “{text}” could not be run ({error}); it was cleared.</source>
        <translation>تعذّر إجراء البحث «{text}» ({error})؛ أُلغي.</translation>
    </message>
    <message>
        <source>{demonyms} (counted on the map)</source>
        <translation>{demonyms} (تُحتسب على الخريطة)</translation>
    </message>
    <message>
        <source>{demonyms} (not counted on the map)</source>
        <translation>{demonyms} (لا تُحتسب على الخريطة)</translation>
    </message>
    <message>
        <source>countries {codes}</source>
        <translation>الدول {codes}</translation>
    </message>
    <message>
        <source>… places</source>
        <translation>… أماكن</translation>
    </message>
    <message>
        <source>showing {places} for {what}</source>
        <translation>يُعرض {places} ضمن {what}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> و</translation>
    </message>
    <message>
        <source>indexing…</source>
        <translation>جارٍ الفهرسة…</translation>
    </message>
    <message>
        <source>Why this place</source>
        <translation>لماذا هذا المكان</translation>
    </message>
    <message>
        <source>confidence {value}</source>
        <translation>الثقة {value}</translation>
    </message>
    <message>
        <source>Other candidates: {places}</source>
        <translation>مرشحون آخرون: {places}</translation>
    </message>
    <message>
        <source>Passages for {what}</source>
        <extracomment>Told of the places mentioned with the selection with each answer shown.</extracomment>
        <translation>مقاطع {what}</translation>
    </message>
    <message>
        <source>Click a place on the map</source>
        <translation>انقر مكانًا على الخريطة</translation>
    </message>
    <message>
        <source>Its passages appear here, grouped by article. Choose countries on the left or search the passages to narrow the map and the passages.</source>
        <translation>تظهر مقاطعه هنا مجمّعة حسب المقالة. اختر دولًا من اللوحة الجانبية أو ابحث في المقاطع لتضييق الخريطة والمقاطع.</translation>
    </message>
</context>
<context>
    <name>MapImage</name>
    <message>
        <source>Place (size: mentions)</source>
        <translation>مكان (الحجم: عدد الإشارات)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>منطقة</translation>
    </message>
    <message>
        <source>Selected place</source>
        <translation>المكان المحدد</translation>
    </message>
    <message>
        <source>Cluster of places</source>
        <translation>مجموعة أماكن</translation>
    </message>
</context>
<context>
    <name>MapTexts</name>
    <message>
        <source>en</source>
        <comment>the language code of the map&apos;s country and capital names: ar for Arabic</comment>
        <extracomment>A number of each plural category of Unicode CLDR (which the page&apos;s Intl.PluralRules gives, and Qt&apos;s Arabic numerus forms follow): the counted words of tooltips are sent for each.</extracomment>
        <translation>ar</translation>
    </message>
    <message>
        <source>Marker size: mentions</source>
        <translation>حجم العلامة: عدد الإشارات</translation>
    </message>
    <message>
        <source>Place names only; demonyms are not counted</source>
        <translation>أسماء الأماكن فقط؛ لا تُحتسب أسماء النسبة</translation>
    </message>
    <message>
        <source>Place names and demonyms are counted</source>
        <translation>تُحتسب أسماء الأماكن وأسماء النسبة</translation>
    </message>
    <message>
        <source>Demonyms only; place names are not counted</source>
        <translation>أسماء النسبة فقط؛ لا تُحتسب أسماء الأماكن</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>منطقة</translation>
    </message>
    <message>
        <source>Selected place</source>
        <translation>المكان المحدد</translation>
    </message>
    <message>
        <source>Group of places</source>
        <translation>مجموعة أماكن</translation>
    </message>
    <message>
        <source>The number of places in it; click it to zoom in</source>
        <translation>عدد الأماكن فيها؛ انقر عليها للتكبير</translation>
    </message>
    <message>
        <source>Country or region of the selection</source>
        <translation>دولة المكان المحدد أو منطقته</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>العاصمة</translation>
    </message>
    <message>
        <source>Show or hide the legend</source>
        <translation>إظهار مفتاح الخريطة أو إخفاؤه</translation>
    </message>
    <message>
        <source>m</source>
        <comment>the map scale&apos;s unit: metres</comment>
        <translation>م</translation>
    </message>
    <message>
        <source>km</source>
        <comment>the map scale&apos;s unit: kilometres</comment>
        <translation>كم</translation>
    </message>
    <message>
        <source>ft</source>
        <comment>the map scale&apos;s unit: feet</comment>
        <translation>قدم</translation>
    </message>
    <message>
        <source>mi</source>
        <comment>the map scale&apos;s unit: miles</comment>
        <translation>ميل</translation>
    </message>
    <message>
        <source>{mentions} of places in it</source>
        <comment>a country&apos;s tooltip: mentions of its places</comment>
        <translation>{mentions} لأماكن فيها</translation>
    </message>
</context>
<context>
    <name>MentionedWithList</name>
    <message>
        <source>Mentioned with {place}</source>
        <translation>ذُكر مع {place}</translation>
    </message>
    <message>
        <source>{place} — {passages}</source>
        <translation>{place} — {passages}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>
&lt;h3&gt;explorer&lt;/h3&gt;
&lt;p&gt;An offline, Arabic-first map-and-document explorer. Code: MIT licence.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Data&lt;/b&gt;&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;Place names and coordinates: GeoNames (geonames.org), CC BY 4.0.&lt;/li&gt;
&lt;li&gt;Country and region shapes: Natural Earth (naturalearthdata.com), public domain.&lt;/li&gt;
&lt;li&gt;Country names: Unicode CLDR, Unicode licence (Unicode-3.0).&lt;/li&gt;
&lt;li&gt;Country shapes packaged by world-atlas (npm): ISC licence.&lt;/li&gt;
&lt;li&gt;Arabic word lists built from hunspell-ar (Ayaspell, © Mohamed Kebdani):
GPL 2.0 / LGPL 2.1 / MPL 1.1.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Code in the map page&lt;/b&gt;&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;Leaflet: BSD 2-Clause licence.&lt;/li&gt;
&lt;li&gt;Leaflet.markercluster: MIT licence.&lt;/li&gt;
&lt;/ul&gt;
</source>
        <translation>
&lt;h3&gt;explorer&lt;/h3&gt;
&lt;p&gt;مستكشف للخرائط والوثائق يعمل دون اتصال، والعربية لغته الأولى. الشيفرة: رخصة MIT.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;البيانات&lt;/b&gt;&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;أسماء الأماكن وإحداثياتها: GeoNames ‏(geonames.org)، رخصة CC BY 4.0.&lt;/li&gt;
&lt;li&gt;أشكال الدول والمناطق: Natural Earth ‏(naturalearthdata.com)، ملكية عامة.&lt;/li&gt;
&lt;li&gt;أسماء الدول: Unicode CLDR، رخصة يونيكود (Unicode-3.0).&lt;/li&gt;
&lt;li&gt;أشكال الدول مجمّعة في حزمة world-atlas ‏(npm): رخصة ISC.&lt;/li&gt;
&lt;li&gt;قوائم الكلمات العربية مبنية على hunspell-ar ‏(Ayaspell، © محمد كبداني):
GPL 2.0 / LGPL 2.1 / MPL 1.1.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;الشيفرة في صفحة الخريطة&lt;/b&gt;&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;Leaflet: رخصة BSD ذات البندين.&lt;/li&gt;
&lt;li&gt;Leaflet.markercluster: رخصة MIT.&lt;/li&gt;
&lt;/ul&gt;
</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>فتح مجلد…</translation>
    </message>
    <message>
        <source>Recent corpora</source>
        <translation>المجموعات الأخيرة</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>بحث…</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>مسح التحديد</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Count each story once</source>
        <translation>احتساب كل قصة مرة واحدة</translation>
    </message>
    <message>
        <source>A story reprinted by several outlets (a wire copy) counts once on the map and in every count</source>
        <translation>القصة التي أعادت نشرها عدة وسائل إعلام (نسخة من خبر وكالة) تُحتسب مرة واحدة على الخريطة وفي كل عدّ</translation>
    </message>
    <message>
        <source>Reload (index again)</source>
        <translation>إعادة التحميل (فهرسة من جديد)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>About explorer</source>
        <translation>حول explorer</translation>
    </message>
    <message>
        <source>Version {version} (Qt {qt}, PySide {pyside})</source>
        <translation>الإصدار {version} (Qt {qt}، PySide {pyside})</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>NewPlaceDialog</name>
    <message>
        <source>A new place for «{name}»</source>
        <translation>مكان جديد لـ«{name}»</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم بالإنجليزية</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>ISO code, e.g. IQ</source>
        <translation>رمز ISO، مثل IQ</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>الدولة</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Rebuild the index</source>
        <translation>إعادة بناء الفهرس</translation>
    </message>
</context>
<context>
    <name>PassagePanel</name>
    <message>
        <source>No passages.</source>
        <extracomment>Passages rendered at once when a query is shown (more than a screenful); the rest of the first page follows a few at a time, each step its own turn of the event loop, so a click or a filter change is not held up by rendering passages below the fold. Passages rendered in each later step: 12 (4 steps for the rest of a page) costs less in all than 4 a step (11 steps; each has its own cost), and each step stays short (p50 10, p95 14 ms for a page of searched passages; README, &quot;The window at scale&quot;, round 6). The only entries of the panel&apos;s context menu (Qt&apos;s object names for them): the panel is read, not navigated, so &quot;Copy Link Location&quot; and the like are left out. More entries for the context menu: ``extra(menu, pos)`` (pos: viewport coordinates).</extracomment>
        <translation>لا توجد مقاطع.</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>فتح المقال</translation>
    </message>
    <message>
        <source>… not shown: {mentions} more mentions, {chars} more characters</source>
        <translation>… لم يُعرض: {mentions} إشارة أخرى، و{chars} حرفًا آخر</translation>
    </message>
    <message>
        <source>page {n}</source>
        <translation>صفحة {n}</translation>
    </message>
    <message>
        <source>Show only this article</source>
        <translation>عرض هذا المقال فقط</translation>
    </message>
</context>
<context>
    <name>PeriodsDialog</name>
    <message>
        <source>Compare two periods</source>
        <translation>مقارنة فترتين</translation>
    </message>
    <message>
        <source>Period A, from</source>
        <translation>الفترة أ، من</translation>
    </message>
    <message>
        <source>Period A, to</source>
        <translation>الفترة أ، إلى</translation>
    </message>
    <message>
        <source>Period B, from</source>
        <translation>الفترة ب، من</translation>
    </message>
    <message>
        <source>Period B, to</source>
        <translation>الفترة ب، إلى</translation>
    </message>
</context>
<context>
    <name>PlaceSearchDialog</name>
    <message>
        <source>{km} km</source>
        <translation>{km} كم</translation>
    </message>
    <message>
        <source>Which place is «{name}»?</source>
        <translation>أي مكان هو «{name}»؟</translation>
    </message>
    <message>
        <source>Search the gazetteer (English or Arabic)…</source>
        <translation>البحث في المعجم الجغرافي (بالعربية أو الإنجليزية)…</translation>
    </message>
</context>
<context>
    <name>PlacesDock</name>
    <message>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
</context>
<context>
    <name>PlacesTable</name>
    <message>
        <source>Find a place…</source>
        <translation>ابحث عن مكان…</translation>
    </message>
</context>
<context>
    <name>PlacesTableModel</name>
    <message>
        <source>Place</source>
        <extracomment>The column headings, marked for translation (``headerData`` translates them).</extracomment>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>بالعربية</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>الدولة</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>الإشارات</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>country</source>
        <extracomment>The place-name columns&apos; width at least (the English one stretches to fill the rest).</extracomment>
        <translation>دولة</translation>
    </message>
    <message>
        <source>first-level division</source>
        <translation>تقسيم إداري من المستوى الأول</translation>
    </message>
    <message>
        <source>second-level division</source>
        <translation>تقسيم إداري من المستوى الثاني</translation>
    </message>
    <message>
        <source>region</source>
        <translation>منطقة</translation>
    </message>
    <message>
        <source>city or town</source>
        <translation>مدينة أو بلدة</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>معلم جغرافي</translation>
    </message>
    <message>
        <source>The geoparser&apos;s mean confidence (0 to 1) over this place&apos;s place-name mentions in the whole index</source>
        <translation>متوسط ثقة المحلّل الجغرافي (من 0 إلى 1) في إشارات اسم هذا المكان في الفهرس كله</translation>
    </message>
    <message>
        <source>{name}: {mentions} in {articles}</source>
        <translation>{name}: {mentions}، {articles}</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>Play</source>
        <translation>تشغيل</translation>
    </message>
    <message>
        <source>Show each day or week in turn: the map and the lists follow (Pause keeps the range shown)</source>
        <translation>اعرض كل يوم أو أسبوع بالتتابع: تتبعه الخريطة والقوائم (الإيقاف المؤقت يُبقي المدة المعروضة)</translation>
    </message>
    <message>
        <source>How long each day or week is shown while playing</source>
        <translation>مدة عرض كل يوم أو أسبوع أثناء التشغيل</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادي</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>بطيء</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>سريع</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Problems while reading</source>
        <extracomment>The rate and the time left are said once batches have come in for this long.</extracomment>
        <translation>مشكلات أثناء القراءة</translation>
    </message>
    <message>
        <source>{count} files or entries could not be used:</source>
        <translation>تعذّر استخدام {count} من الملفات أو المدخلات:</translation>
    </message>
</context>
<context>
    <name>ReaderDock</name>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Show only this article</source>
        <translation>عرض هذا المقال فقط</translation>
    </message>
    <message>
        <source>Open the original file</source>
        <translation>فتح الملف الأصلي</translation>
    </message>
    <message>
        <source>The file as it is (PDF, web page, e-mail…), in the system&apos;s viewer</source>
        <translation>الملف كما هو (PDF، صفحة ويب، بريد إلكتروني…) في عارض النظام</translation>
    </message>
    <message>
        <source>Open an article from the passages: its “Open article” link, a double click on a passage, or the passage&apos;s context menu.</source>
        <translation>افتح مقالاً من المقاطع: رابط «فتح المقال»، أو نقرة مزدوجة على مقطع، أو قائمة المقطع السياقية.</translation>
    </message>
    <message>
        <source>{file}: cannot be read (moved, deleted or unreadable since it was indexed). Reload (F5) to index the folder again.</source>
        <translation>{file}: تتعذّر قراءته (نُقل أو حُذف أو صار غير مقروء منذ فهرسته). أعد التحميل (F5) لفهرسة المجلد من جديد.</translation>
    </message>
    <message>
        <source>Article: {file}</source>
        <translation>المقال: {file}</translation>
    </message>
    <message>
        <source>Also in {outlets}:</source>
        <translation>منشورة أيضًا في {outlets}:</translation>
    </message>
    <message>
        <source>The same story (a wire copy) as other outlets printed it: click one to read it</source>
        <translation>القصة نفسها (نسخة من خبر وكالة) كما نشرتها وسائل إعلام أخرى: انقر على إحداها لقراءتها</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>a country</source>
        <translation>دولة</translation>
    </message>
    <message>
        <source>a region</source>
        <translation>إقليم جغرافي</translation>
    </message>
    <message>
        <source>a first-level division</source>
        <translation>تقسيم إداري من المستوى الأول</translation>
    </message>
    <message>
        <source>a second-level division</source>
        <translation>تقسيم إداري من المستوى الثاني</translation>
    </message>
    <message>
        <source>a national capital</source>
        <translation>عاصمة دولة</translation>
    </message>
    <message>
        <source>population {n}</source>
        <translation>عدد السكان {n}</translation>
    </message>
    <message>
        <source>a feature, not the areas named after it</source>
        <translation>معلم جغرافي، لا المناطق المسماة باسمه</translation>
    </message>
    <message>
        <source>a division named like its town, which a bare name means</source>
        <translation>تقسيم إداري يحمل اسم مدينته، والاسم المجرد يعني المدينة</translation>
    </message>
    <message>
        <source>{km} km from {name}, named in the document</source>
        <translation>على بعد {km} كم من {name} المذكورة في النص</translation>
    </message>
    <message>
        <source>{km} km from {name}, named nearby</source>
        <translation>على بعد {km} كم من {name} المذكورة بجواره</translation>
    </message>
    <message>
        <source>the word before it (&apos;{word}&apos;) calls it a {kind}</source>
        <translation>الكلمة التي تسبقه («{word}») تجعله {kind}</translation>
    </message>
    <message>
        <source>the text places it in {name} (&apos;{word}&apos;)</source>
        <translation>النص يضعه في {name} («{word}»)</translation>
    </message>
    <message>
        <source>its country ({code}) is named in the document ({share} of its sure places)</source>
        <translation>بلده ({code}) مذكور في النص ({share} من أماكنه المؤكدة)</translation>
    </message>
    <message>
        <source>its division ({code}) is named in the document</source>
        <translation>تقسيمه الإداري ({code}) مذكور في النص</translation>
    </message>
    <message>
        <source>the most populous place of this name</source>
        <translation>أكثر الأماكن التي تحمل هذا الاسم سكانًا</translation>
    </message>
    <message>
        <source>the only place with this name</source>
        <translation>المكان الوحيد الذي يحمل هذا الاسم</translation>
    </message>
    <message>
        <source>highest prior</source>
        <translation>أعلى أولوية مسبقة</translation>
    </message>
    <message>
        <source>named with its cue elsewhere in the document</source>
        <translation>ذُكر مع دليله في موضع آخر من النص</translation>
    </message>
    <message>
        <source>an adjective of {name}</source>
        <translation>صفة نسبة إلى {name}</translation>
    </message>
    <message>
        <source>in a list of countries, beside {name}</source>
        <translation>في قائمة دول، بجانب {name}</translation>
    </message>
    <message>
        <source>the formal name of {name}</source>
        <translation>الاسم الرسمي للمكان {name}</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; after the name: the capital city</source>
        <translation>«{word}» بعد الاسم: المدينة العاصمة</translation>
    </message>
    <message>
        <source>a small town in a country the document does not name</source>
        <translation>بلدة صغيرة في بلد لا يذكره النص</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; after the town, in sports news</source>
        <translation>«{word}» بعد اسم المدينة، في خبر رياضي</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; before the name of {name}&apos;s seat: the division</source>
        <translation>«{word}» قبل اسم مركز {name}: التقسيم الإداري</translation>
    </message>
    <message>
        <source>&apos;{word}&apos;: {area}, a division of {name}</source>
        <translation>«{word}»: {area}، تقسيم إداري من {name}</translation>
    </message>
    <message>
        <source>after a preposition: the country</source>
        <translation>بعد حرف جر: الدولة</translation>
    </message>
    <message>
        <source>the shadda in &apos;{word}&apos; doubles a consonant: {name}</source>
        <translation>الشدة في «{word}» تضعّف حرفًا: {name}</translation>
    </message>
    <message>
        <source>an Arabic spelling of its Latin name &apos;{name}&apos;</source>
        <translation>كتابة عربية لاسمه اللاتيني «{name}»</translation>
    </message>
    <message>
        <source>a region of a country the document names</source>
        <translation>منطقة من بلد يذكره النص</translation>
    </message>
    <message>
        <source>in a list of towns</source>
        <translation>في قائمة مدن</translation>
    </message>
    <message>
        <source>in a list of divisions</source>
        <translation>في قائمة تقسيمات إدارية</translation>
    </message>
    <message>
        <source>the list&apos;s kind differs</source>
        <translation>نوع أماكن القائمة مختلف</translation>
    </message>
    <message>
        <source>corrected by the analyst (mention)</source>
        <translation>صحّحه المحلل (هذا الذكر)</translation>
    </message>
    <message>
        <source>corrected by the analyst (article)</source>
        <translation>صحّحه المحلل (هذا المقال)</translation>
    </message>
    <message>
        <source>corrected by the analyst (corpus)</source>
        <translation>صحّحه المحلل (المجموعة كلها)</translation>
    </message>
    <message>
        <source>accepted by the analyst</source>
        <translation>قبِله المحلل</translation>
    </message>
    <message>
        <source>after &apos;{word}&apos;</source>
        <translation>بعد «{word}»</translation>
    </message>
    <message>
        <source>before &apos;{word}&apos;</source>
        <translation>قبل «{word}»</translation>
    </message>
    <message>
        <source>beside &apos;{word}&apos;</source>
        <translation>بجانب «{word}»</translation>
    </message>
    <message>
        <source>after the given name &apos;{word}&apos;</source>
        <translation>بعد الاسم الأول «{word}»</translation>
    </message>
    <message>
        <source>before the town adjective &apos;{word}&apos;</source>
        <translation>قبل صفة النسبة إلى مدينة «{word}»</translation>
    </message>
    <message>
        <source>before {word}</source>
        <translation>قبل {word}</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; in lower case</source>
        <translation>«{word}» بحروف صغيرة</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; names a language</source>
        <translation>«{word}» اسم لغة</translation>
    </message>
    <message>
        <source>&apos;in {word}&apos; names a language</source>
        <translation>«in {word}» تسمّي لغة</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a month</source>
        <translation>«{word}» اسم شهر</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; names a party</source>
        <translation>«{word}» تسمّي حزبًا</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; with no place cue</source>
        <translation>«{word}» بلا قرينة مكان</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; starts a sentence</source>
        <translation>«{word}» في أول الجملة</translation>
    </message>
    <message>
        <source>ends the name of its &apos;{word}&apos;</source>
        <translation>آخر اسم «{word}» الذي يحمله</translation>
    </message>
    <message>
        <source>&apos;{word}&apos;</source>
        <translation>الكلمات «{word}»</translation>
    </message>
    <message>
        <source>&apos;{word} …&apos;</source>
        <translation>الكلمات «{word} …»</translation>
    </message>
    <message>
        <source>&apos;… {word}&apos;</source>
        <translation>الكلمات «… {word}»</translation>
    </message>
    <message>
        <source>quoted after &apos;ل&apos;</source>
        <translation>بين علامتَي تنصيص بعد «ل»</translation>
    </message>
    <message>
        <source>town</source>
        <translation>مدينة أو بلدة</translation>
    </message>
    <message>
        <source>state or province</source>
        <translation>ولاية أو محافظة</translation>
    </message>
    <message>
        <source>district</source>
        <translation>قضاء أو مديرية</translation>
    </message>
    <message>
        <source>country</source>
        <translation>دولة</translation>
    </message>
    <message>
        <source>state, province or district</source>
        <translation>ولاية أو محافظة أو قضاء</translation>
    </message>
    <message>
        <source>or</source>
        <translation>أو</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Reload</source>
        <translation>إعادة التحميل</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>The place is right (A)</source>
        <translation>المكان صحيح (A)</translation>
    </message>
    <message>
        <source>Another place…</source>
        <translation>مكان آخر…</translation>
    </message>
    <message>
        <source>Choose another candidate (C)</source>
        <translation>اختيار مرشح آخر (C)</translation>
    </message>
    <message>
        <source>Not a place</source>
        <translation>ليس مكانًا</translation>
    </message>
    <message>
        <source>This name is not a place here (N)</source>
        <translation>هذا الاسم ليس مكانًا هنا (N)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Previous mention (K, ←)</source>
        <translation>الذكر السابق (K، ←)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Next mention (J, →)</source>
        <translation>الذكر التالي (J، →)</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>فتح المقال</translation>
    </message>
    <message>
        <source>Open the article in the reader (O)</source>
        <translation>فتح المقال في القارئ (O)</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>لا شيء للمراجعة</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} من {total}</translation>
    </message>
    <message>
        <source>«{name}» → {place} (confidence {confidence:.2f}) in {article}</source>
        <translation>«{name}» ← {place} (الثقة {confidence:.2f}) في {article}</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>not a place</source>
        <translation>ليس مكانًا</translation>
    </message>
    <message>
        <source>→ {place}</source>
        <translation>← {place}</translation>
    </message>
    <message>
        <source>No other candidate</source>
        <translation>لا مرشح آخر</translation>
    </message>
    <message>
        <source>Search the gazetteer…</source>
        <translation>البحث في المعجم الجغرافي…</translation>
    </message>
</context>
<context>
    <name>ScopeChoice</name>
    <message>
        <source>Apply to:</source>
        <translation>تطبيق على:</translation>
    </message>
    <message>
        <source>This mention only</source>
        <translation>هذا الذكر فقط</translation>
    </message>
    <message>
        <source>Every «{name}» in this article</source>
        <translation>كل «{name}» في هذا المقال</translation>
    </message>
    <message>
        <source>Every «{name}» in the corpus</source>
        <translation>كل «{name}» في المجموعة</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>{s} s</source>
        <translation>{s} ث</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m} د {s:02d} ث</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} س {m:02d} د</translation>
    </message>
    <message>
        <source>Indexing cancelled: the map shows what was indexed. Reload (F5) indexes the rest.</source>
        <translation>أُلغيت الفهرسة: تعرض الخريطة ما فُهرس. إعادة التحميل (F5) تفهرس الباقي.</translation>
    </message>
    <message>
        <source>indexing %v / %m</source>
        <translation>الفهرسة %v / %m</translation>
    </message>
    <message>
        <source>indexing {done} / {total}</source>
        <translation>فهرسة {done} من {total}</translation>
    </message>
    <message>
        <source>{counted} · {rate}/s · {left} left</source>
        <translation>{counted} · {rate} في الثانية · يتبقى {left}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Per day</source>
        <extracomment>The most ticks on the count axis (0 included); each a whole number.</extracomment>
        <translation>يوميًا</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>أسبوعيًا</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>كل التواريخ</translation>
    </message>
    <message>
        <source>No article in view has a date, so there is nothing to draw: the timeline counts the articles whose page gives a date (such as 28/09/2021 or “Published: 2021-09-28”).</source>
        <extracomment>Said instead of an empty chart when nothing in view has a date.</extracomment>
        <translation>لا تاريخ لأي مقالة معروضة، فلا شيء يُرسم: يعدّ الخط الزمني المقالات التي تذكر صفحتها تاريخًا (مثل 28/09/2021 أو «نُشر: 2021-09-28»).</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>any</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <source>too many days: shown per week</source>
        <translation>أيام كثيرة: تُعرض أسبوعيًا</translation>
    </message>
    <message>
        <source>mentions</source>
        <translation>الإشارات</translation>
    </message>
    <message>
        <source>{date}: {mentions}</source>
        <translation>{date}: {mentions}</translation>
    </message>
    <message>
        <source>Forget the date range: articles of every date</source>
        <translation>ألغِ نطاق التاريخ: مقالات كل التواريخ</translation>
    </message>
    <message>
        <source>Count the articles per day or per week</source>
        <translation>عدّ المقالات لكل يوم أو لكل أسبوع</translation>
    </message>
    <message>
        <source>Only articles published on or after this day (type it, or pick it; “any”: no limit)</source>
        <translation>المقالات المنشورة في هذا اليوم أو بعده وحدها (اكتبه أو اختره؛ «أي»: بلا حد)</translation>
    </message>
    <message>
        <source>Only articles published on or before this day (type it, or pick it; “any”: no limit)</source>
        <translation>المقالات المنشورة في هذا اليوم أو قبله وحدها (اكتبه أو اختره؛ «أي»: بلا حد)</translation>
    </message>
</context>
<context>
    <name>TimelineDock</name>
    <message>
        <source>Timeline</source>
        <translation>الخط الزمني</translation>
    </message>
</context>
</TS>
