<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../makarem_desk/ui/admin_view.py" line="42" />
        <source>Administration</source>
        <translation>الإدارة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_view.py" line="44" />
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_view.py" line="45" />
        <source>Keys and trusted installations</source>
        <translation>المفاتيح والجهات الموثوقة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_view.py" line="46" />
        <source>Audit trail</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_view.py" line="47" />
        <source>Forms folder</source>
        <translation>مجلد النماذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_view.py" line="48" />
        <source>Backups</source>
        <translation>النسخ الاحتياطية</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="19" />
        <source>Signed in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="20" />
        <source>Sign-in failed</source>
        <translation>محاولة دخول فاشلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="21" />
        <source>Signed out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="22" />
        <source>Screen locked</source>
        <translation>قفل الشاشة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="23" />
        <source>Screen unlocked</source>
        <translation>فتح قفل الشاشة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="24" />
        <source>Locked session ended</source>
        <translation>إنهاء جلسة مقفلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="25" />
        <source>Ending a locked session refused</source>
        <translation>رُفض إنهاء جلسة مقفلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="28" />
        <source>Installation set up</source>
        <translation>إعداد المنشأة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="29" />
        <source>User created</source>
        <translation>إنشاء مستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="30" />
        <source>User disabled</source>
        <translation>إيقاف مستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="31" />
        <source>User enabled</source>
        <translation>تفعيل مستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="32" />
        <source>User's role changed</source>
        <translation>تغيير صلاحية مستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="33" />
        <source>Language changed</source>
        <translation>تغيير اللغة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="34" />
        <source>Password changed</source>
        <translation>تغيير كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="35" />
        <source>Password reset</source>
        <translation>إعادة تعيين كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="36" />
        <source>Password protection upgraded</source>
        <translation>تحديث حماية كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="37" />
        <source>Association details changed</source>
        <translation>تعديل بيانات الجمعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="38" />
        <source>Settings changed</source>
        <translation>تعديل الإعدادات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="39" />
        <source>Keys created</source>
        <translation>إنشاء المفاتيح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="40" />
        <source>Public key exported</source>
        <translation>تصدير المفتاح العام</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="41" />
        <source>Installation trusted</source>
        <translation>اعتماد منشأة موثوقة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="42" />
        <source>Trust withdrawn</source>
        <translation>سحب الثقة من منشأة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="43" />
        <source>Program added</source>
        <translation>إضافة برنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="44" />
        <source>Program changed</source>
        <translation>تعديل برنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="45" />
        <source>Program withdrawn</source>
        <translation>إيقاف برنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="46" />
        <source>Forms folder installed</source>
        <translation>تثبيت مجلد النماذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="47" />
        <source>Forms folder refused</source>
        <translation>رفض مجلد النماذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="48" />
        <location filename="../../makarem_desk/ui/audit_labels.py" line="49" />
        <source>Backup made</source>
        <translation>إنشاء نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="50" />
        <source>Backup failed</source>
        <translation>فشل النسخ الاحتياطي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="51" />
        <source>Backup settings changed</source>
        <translation>تعديل إعدادات النسخ الاحتياطي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="52" />
        <source>Database restored</source>
        <translation>استرجاع قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="53" />
        <source>Restore refused</source>
        <translation>رفض الاسترجاع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="54" />
        <source>Library document added</source>
        <translation>إضافة مستند إلى المكتبة المرجعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="55" />
        <source>Library document removed</source>
        <translation>حذف مستند من المكتبة المرجعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="58" />
        <location filename="../../makarem_desk/ui/audit_labels.py" line="59" />
        <source>Beneficiary registered</source>
        <translation>تسجيل مستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="60" />
        <location filename="../../makarem_desk/ui/audit_labels.py" line="61" />
        <source>Beneficiary's data changed</source>
        <translation>تعديل بيانات مستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="62" />
        <location filename="../../makarem_desk/ui/audit_labels.py" line="63" />
        <source>Beneficiaries imported</source>
        <translation>استيراد مستفيدين</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="64" />
        <source>Beneficiaries import refused</source>
        <translation>رفض استيراد المستفيدين</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="107" />
        <source>Batch kept aside</source>
        <translation>حفظ دفعة جانبًا حتى وصول ما قبلها</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="66" />
        <source>Interview started</source>
        <translation>بدء مقابلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="67" />
        <source>Interview finished</source>
        <translation>إنهاء مقابلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="68" />
        <source>Interview abandoned</source>
        <translation>إلغاء مقابلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="69" />
        <source>Application opened</source>
        <translation>فتح طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="70" />
        <source>Application changed</source>
        <translation>تعديل طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="71" />
        <source>Missing items provided</source>
        <translation>استكمال النواقص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="73" />
        <source>Application closed: not eligible</source>
        <translation>إغلاق الطلب: غير مستوفٍ للشروط</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="75" />
        <source>Registration waiting for items</source>
        <translation>تسجيل بانتظار استكمال المتطلبات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="84" />
        <source>Unsigned declaration printed</source>
        <translation>طباعة إقرار غير موقَّع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="87" />
        <source>Declaration translation printed</source>
        <translation>طباعة ترجمة إقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="72" />
        <source>Application submitted</source>
        <translation>تقديم طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="77" />
        <source>Application withdrawn</source>
        <translation>سحب طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="78" />
        <source>Application decided</source>
        <translation>البت في طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="79" />
        <source>Application completed</source>
        <translation>إكمال طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="80" />
        <source>Service delivered</source>
        <translation>تقديم الخدمة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="81" />
        <source>Declaration prepared</source>
        <translation>إعداد إقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="82" />
        <source>Declaration signed</source>
        <translation>توقيع إقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="83" />
        <source>Declaration printed</source>
        <translation>طباعة إقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="86" />
        <source>Declaration reprinted</source>
        <translation>إعادة طباعة إقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="89" />
        <source>Receipt printed</source>
        <translation>طباعة إيصال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="90" />
        <source>Decision letter printed</source>
        <translation>طباعة خطاب القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="91" />
        <source>Decision letter given its outgoing number</source>
        <translation>ترقيم خطاب قرار برقم صادر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="93" />
        <source>Beneficiary told of the decision</source>
        <translation>إبلاغ المستفيد بالقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="94" />
        <source>Missing items followed up</source>
        <translation>متابعة المتطلبات الناقصة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="95" />
        <source>Contact recorded</source>
        <translation>تسجيل تواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="96" />
        <source>Contact linked to a beneficiary</source>
        <translation>ربط تواصل بمستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="97" />
        <source>Contact finished</source>
        <translation>إنهاء تواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="98" />
        <source>Referred to the social researcher</source>
        <translation>إحالة إلى مسؤول البحث الاجتماعي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="99" />
        <source>Referral answered</source>
        <translation>الرد على إحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="100" />
        <source>Satisfaction recorded</source>
        <translation>تسجيل قياس الرضا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="102" />
        <source>Report exported</source>
        <translation>تصدير تقرير</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="104" />
        <source>Batch exported</source>
        <translation>تصدير دفعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="105" />
        <source>Batch imported</source>
        <translation>استيراد دفعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="106" />
        <source>Batch refused</source>
        <translation>رفض دفعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="108" />
        <source>Batch re-created</source>
        <translation>إعادة إنشاء دفعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="109" />
        <source>Conflict settled</source>
        <translation>حسم تعارض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="110" />
        <source>Decision from a counter refused</source>
        <translation>رفض قرار وارد من فرع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="115" />
        <source>Application</source>
        <translation>طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="116" />
        <source>Beneficiary</source>
        <translation>مستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="117" />
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="118" />
        <source>Contact</source>
        <translation>تواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="119" />
        <source>Declaration</source>
        <translation>إقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="120" />
        <source>Referral</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="121" />
        <source>Satisfaction response</source>
        <translation>استبانة رضا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="122" />
        <source>Interview in progress</source>
        <translation>مقابلة جارية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="123" />
        <source>User</source>
        <translation>مستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="124" />
        <source>Installation</source>
        <translation>منشأة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="125" />
        <source>Program</source>
        <translation>برنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="126" />
        <source>Forms folder</source>
        <translation>مجلد النماذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="127" />
        <source>Batch</source>
        <translation>دفعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="128" />
        <source>Conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="129" />
        <source>Database</source>
        <translation>قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="130" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="131" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="132" />
        <source>Report</source>
        <translation>تقرير</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="156" />
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="157" />
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="179" />
        <source>changed: %1</source>
        <translation>تغيّر: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="203" />
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="204" />
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="205" />
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="223" />
        <source>No details.</source>
        <translation>لا تفاصيل.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_labels.py" line="101" />
        <source>Suggestion followed up</source>
        <translation>متابعة مقترح</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="75" />
        <source>The audit trail is intact: %1 events, every link verified.</source>
        <translation>سجل التدقيق سليم: تحقّقنا من كل حلقة في السلسلة (عدد الأحداث: %1).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="80" />
        <source>event #%1 was changed after it was written</source>
        <translation>الحدث رقم %1 عُدّل بعد تسجيله</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="82" />
        <source>event #%1 does not follow the event before it (an event was deleted, inserted or moved)</source>
        <translation>الحدث رقم %1 لا يتصل بالحدث الذي قبله (حُذف حدث أو أُدرج أو نُقل)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="85" />
        <source>event #%1 is missing (deleted)</source>
        <translation>الحدث رقم %1 مفقود (محذوف)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="86" />
        <source>event #%1 is out of order</source>
        <translation>الحدث رقم %1 في غير موضعه</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="87" />
        <source>the newest events from #%1 on are missing (deleted)</source>
        <translation>أحدث الأحداث ابتداءً من رقم %1 مفقودة (محذوفة)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="91" />
        <source>The audit trail is BROKEN: %1. The %2 events before it verify.</source>
        <translation>سجل التدقيق مكسور: %1. الأحداث السابقة له (%2) سليمة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="124" />
        <source>Reference or record id</source>
        <translation>المرجع أو رقم السجل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="126" />
        <source>Show</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="129" />
        <source>Verify the chain</source>
        <translation>تحقّق من السلسلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="114" />
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="135" />
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="136" />
        <location filename="../../makarem_desk/ui/audit_view.py" line="159" />
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="136" />
        <location filename="../../makarem_desk/ui/audit_view.py" line="159" />
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="140" />
        <source>Record kind</source>
        <translation>نوع السجل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="142" />
        <location filename="../../makarem_desk/ui/audit_view.py" line="159" />
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="158" />
        <source>Time (Riyadh)</source>
        <translation>الوقت (الرياض)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="158" />
        <source>Installation</source>
        <translation>المنشأة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="160" />
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="161" />
        <source>No event matches these filters: choose another action, record or user.</source>
        <translation>لا أحداث تطابق عوامل التصفية هذه: اختر إجراءً أو سجلًا أو مستخدمًا آخر.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="174" />
        <source>Audit trail</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="175" />
        <source>Every act is recorded in a chain of events that cannot be changed unnoticed. Times are Riyadh time.</source>
        <translation>يُسجَّل كل إجراء في سلسلة أحداث لا يمكن تعديلها دون أن يُكتشف ذلك. الأوقات بتوقيت الرياض.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="205" />
        <source>All actions</source>
        <translation>كل الإجراءات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="207" />
        <source>All records</source>
        <translation>كل السجلات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="209" />
        <source>All users</source>
        <translation>كل المستخدمين</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="235" />
        <source>The newest %1 events are shown; narrow the filters to see older ones.</source>
        <translation>تُعرض أحدث الأحداث (%1)؛ ضيّق عوامل التصفية لرؤية الأقدم.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="237" />
        <source>%1 events</source>
        <translation>عدد الأحداث: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/audit_view.py" line="282" />
        <source>Verifying the audit trail…</source>
        <translation>جارٍ التحقق من سجل التدقيق…</translation>
    </message>
</context>
<context>
    <name>BackupsView</name>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="62" />
        <location filename="../../makarem_desk/ui/backups_view.py" line="223" />
        <source>Back up now</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="65" />
        <source>Back up to a folder…</source>
        <translation>نسخ احتياطي إلى مجلد…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="67" />
        <source>Restore the selected backup…</source>
        <translation>استرجاع النسخة المحددة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="69" />
        <source>Restore from a file…</source>
        <translation>استرجاع من ملف…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="80" />
        <source>Made (Riyadh time)</source>
        <translation>وقت النسخ (الرياض)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="80" />
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="80" />
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="81" />
        <source>Checked</source>
        <translation>مفحوصة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="81" />
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="84" />
        <source>No backup in this folder yet: make one with Back up now.</source>
        <translation>لا نسخ احتياطية في هذا المجلد بعد: أنشئ نسخة بزر «نسخ احتياطي الآن».</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="88" />
        <source>Backups of this desk</source>
        <translation>النسخ الاحتياطية لهذا المكتب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="95" />
        <source>hours</source>
        <translation>ساعات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="101" />
        <source>Save the schedule</source>
        <translation>حفظ الجدول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="105" />
        <source>Automatic backups</source>
        <translation>النسخ الاحتياطي التلقائي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="110" />
        <source>Back up every</source>
        <translation>نسخة كل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="115" />
        <source>Automatic copies kept</source>
        <translation>عدد النسخ التلقائية المحفوظة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="119" />
        <source>A backup is checked before anything changes: that it is whole (SQLite's integrity check), that it is a Makarem Desk database this version knows, and which installation it belongs to.</source>
        <translation>تُفحص النسخة قبل أن يتغير أي شيء: أنها سليمة (فحص السلامة في SQLite)، وأنها قاعدة بيانات لمكتب مكارم يعرفها هذا الإصدار، وإلى أي مكتب تعود.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="124" />
        <source>Restore</source>
        <translation>الاسترجاع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="133" />
        <source>Backups</source>
        <translation>النسخ الاحتياطية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="135" />
        <source>The desk copies its database when it starts and every few hours while it runs, and keeps the newest automatic copies. Each copy passes SQLite's check before it gets its name. Keep a copy away from this PC too (Back up to a folder…).</source>
        <translation>ينسخ البرنامج قاعدة بياناته عند تشغيله وكل بضع ساعات أثناء عمله، ويحتفظ بأحدث النسخ التلقائية. ولا تُعتمد أي نسخة إلا بعد اجتيازها فحص SQLite. واحفظ نسخة خارج هذا الجهاز أيضًا (نسخ احتياطي إلى مجلد…).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="155" />
        <source>Folder: %1</source>
        <translation>المجلد: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="157" />
        <source>Yes, when written</source>
        <translation>نعم، عند كتابتها</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="193" />
        <source>Newest automatic copy: %1. Next one due at about %2 while the desk is open.</source>
        <translation>أحدث نسخة تلقائية: %1. والنسخة التالية نحو %2 ما دام البرنامج مفتوحًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="198" />
        <source>No automatic copy yet: the next start of the desk makes one.</source>
        <translation>لا توجد نسخة تلقائية بعد: يُنشئ البرنامج واحدة عند تشغيله القادم.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="202" />
        <source>Automatic</source>
        <translation>تلقائية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="202" />
        <source>Manual</source>
        <translation>يدوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="212" />
        <source>Copying the database…</source>
        <translation>جارٍ نسخ قاعدة البيانات…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="216" />
        <source>Where to put the copy</source>
        <translation>أين تُحفظ النسخة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="224" />
        <source>The copy is written and checked: %1 (%2).</source>
        <translation>كُتبت النسخة وفُحصت: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="249" />
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="258" />
        <source>Choose the backup to restore</source>
        <translation>اختر النسخة الاحتياطية المراد استرجاعها</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="270" />
        <source>Checking %1…</source>
        <translation>جارٍ فحص %1…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="276" />
        <source>Checking the backup…</source>
        <translation>جارٍ فحص النسخة الاحتياطية…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="283" />
        <source>No: refused</source>
        <translation>لا: مرفوضة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="291" />
        <source>Yes, full check</source>
        <translation>نعم، فحص كامل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="295" />
        <source>Restore %1?

The database in use now is not deleted: it is kept beside it as a replaced copy. Anything recorded since this backup was made stays only in that replaced copy.

When the restore is done everyone is signed out and the desk returns to the log-in screen. Close every other Makarem Desk window on this PC first.</source>
        <translation>استرجاع %1؟

لن تُحذف قاعدة البيانات المستخدمة الآن، بل تُحفظ بجانبها نسخةً مستبدَلة. وكل ما سُجّل بعد إنشاء هذه النسخة الاحتياطية يبقى في تلك النسخة المستبدَلة وحدها.

عند انتهاء الاسترجاع يُسجَّل خروج الجميع ويعود البرنامج إلى شاشة تسجيل الدخول. أغلق أولًا كل نوافذ مكتب مكارم الأخرى على هذا الجهاز.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="300" />
        <location filename="../../makarem_desk/ui/backups_view.py" line="353" />
        <source>Restore a backup</source>
        <translation>استرجاع نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="306" />
        <source>never set up</source>
        <translation>لم يُعَدّ قط</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="307" />
        <source>revision %1, this version's</source>
        <translation>الإصدار %1، وهو إصدار هذا البرنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="309" />
        <source>revision %1, older: brought up to date when restored</source>
        <translation>الإصدار %1، وهو أقدم: يُحدَّث عند الاسترجاع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="312" />
        <source>%1 passed the check:</source>
        <translation>اجتاز الملف %1 الفحص:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="313" />
        <source>Integrity: whole (SQLite integrity check)</source>
        <translation>السلامة: سليم (فحص السلامة في SQLite)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="314" />
        <source>Schema: %1</source>
        <translation>بنية البيانات: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="315" />
        <source>Installation: %1</source>
        <translation>المكتب: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="320" />
        <source>the research committee</source>
        <translation>لجنة البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="321" />
        <source>a counter</source>
        <translation>نقطة استقبال (فرع)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="327" />
        <source>Restoring %1…</source>
        <translation>جارٍ استرجاع %1…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="339" />
        <source>Restoring the backup…</source>
        <translation>جارٍ استرجاع النسخة الاحتياطية…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="345" />
        <source>The database was restored from %1.</source>
        <translation>استُرجعت قاعدة البيانات من %1.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="348" />
        <source>The one it replaced is kept as %1.</source>
        <translation>وحُفظت القاعدة المستبدَلة باسم %1.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="351" />
        <source>Its schema was brought up to date.</source>
        <translation>وحُدّثت بنية بياناتها.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="352" />
        <source>Sign in again.</source>
        <translation>سجّل الدخول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="378" />
        <source>%1 MB</source>
        <translation>%1 ميغابايت</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/backups_view.py" line="380" />
        <source>%1 KB</source>
        <translation>%1 كيلوبايت</translation>
    </message>
</context>
<context>
    <name>CheckedField</name>
    <message>
        <location filename="../../makarem_desk/ui/fields.py" line="101" />
        <source>This field is required.</source>
        <translation>هذا الحقل مطلوب.</translation>
    </message>
</context>
<context>
    <name>CommitteeView</name>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="52" />
        <source>Reference</source>
        <translation>رقم الطلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="52" />
        <source>Beneficiary</source>
        <translation>المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="52" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="53" />
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="53" />
        <source>Submitted</source>
        <translation>تاريخ التقديم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="53" />
        <source>Answer due</source>
        <translation>موعد الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="54" />
        <source>Missing items</source>
        <translation>النواقص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="54" />
        <source>Declaration</source>
        <translation>الإقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="59" />
        <source>No application is waiting for the committee. New ones arrive with the counters' batches: import them on the Exchange with the committee screen.</source>
        <translation>لا طلبات بانتظار قرار اللجنة. تصل الطلبات الجديدة مع دفعات الفروع: استوردها من شاشة التبادل مع لجنة البحث.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="65" />
        <location filename="../../makarem_desk/ui/committee_view.py" line="220" />
        <source>Choose an application in the list to read the declaration the applicant signed.</source>
        <translation>اختر طلباً من القائمة لعرض الإقرار الذي وقّعه المتقدم.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="79" />
        <source>Reason for the decision (required to reject)</source>
        <translation>سبب القرار (مطلوب عند الرفض)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="80" />
        <source>Accept the application</source>
        <translation>قبول الطلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="83" />
        <source>Reject the application</source>
        <translation>رفض الطلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="99" />
        <source>Reason for the decision</source>
        <translation>سبب القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="122" />
        <source>Committee decisions</source>
        <translation>قرارات اللجنة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="127" />
        <source>Only committee members decide; you can look.</source>
        <translation>القرار لأعضاء لجنة البحث؛ يمكنك الاطلاع فقط.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="154" />
        <source>Awaiting a decision: %1</source>
        <translation>طلبات بانتظار القرار: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="166" />
        <source>Attached</source>
        <translation>مرفق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="166" />
        <source>Not attached</source>
        <translation>غير مرفق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="210" />
        <source>Application %1</source>
        <translation>الطلب %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="211" />
        <source>No application chosen</source>
        <translation>لم يُختر طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="212" />
        <source>Missing items: %1</source>
        <translation>النواقص: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="219" />
        <source>No printed declaration for this application.</source>
        <translation>لا يوجد إقرار مطبوع لهذا الطلب.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="236" />
        <source>Accept application %1?</source>
        <translation>قبول الطلب %1؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="237" />
        <source>Reject application %1?</source>
        <translation>رفض الطلب %1؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="238" />
        <source>Committee decision</source>
        <translation>قرار اللجنة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/committee_view.py" line="246" />
        <source>Decision recorded on %1; it travels to the branch in the next decisions batch.</source>
        <translation>سُجّل القرار على %1؛ يصل للفرع مع دفعة القرارات القادمة.</translation>
    </message>
</context>
<context>
    <name>ContactView</name>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="43" />
        <source>Identity number, phone or name…</source>
        <translation>رقم الهوية أو الجوال أو الاسم…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="45" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="45" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="45" />
        <source>Phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="49" />
        <source>Name of who called or wrote, if not registered</source>
        <translation>اسم المتصل أو المراسل إن لم يكن مسجلًا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="54" />
        <source>A follow-up is needed</source>
        <translation>يحتاج إلى متابعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="60" />
        <source>Save the contact</source>
        <translation>حفظ التواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="70" />
        <source>Refer to the social-research officer…</source>
        <translation>إحالة إلى مسؤول البحث الاجتماعي…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="74" />
        <source>Channel</source>
        <translation>قناة التواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="75" />
        <source>Registered beneficiary</source>
        <translation>مستفيد مسجّل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="77" />
        <source>Or the caller's name</source>
        <translation>أو اسم المتواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="78" />
        <source>Purpose</source>
        <translation>الغرض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="79" />
        <source>Answer given</source>
        <translation>الإجابة المقدّمة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="82" />
        <source>New contact</source>
        <translation>تواصل جديد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="83" />
        <source>Every contact is recorded, whatever the channel, so that the answer can be followed up.</source>
        <translation>يُسجَّل كل تواصل أيًّا كانت قناته، لتسهل متابعة الرد.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="165" />
        <source>The contact was saved.</source>
        <translation>تم حفظ التواصل.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="199" />
        <source>The contact was saved and referred to the social-research officer.</source>
        <translation>حُفظ التواصل وأُحيل إلى مسؤول البحث الاجتماعي.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/contact_view.py" line="65" />
        <source>Satisfaction survey</source>
        <translation>استبانة الرضا</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <location filename="../../makarem_desk/ui/date_picker.py" line="36" />
        <source>Calendar</source>
        <translation>التقويم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_picker.py" line="37" />
        <source>Pick the day on a calendar</source>
        <translation>اختر اليوم من التقويم</translation>
    </message>
</context>
<context>
    <name>DateRangeBar</name>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="55" />
        <source>Enter both the start and the end of the period.</source>
        <translation>أدخل تاريخ بداية الفترة وتاريخ نهايتها.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="58" />
        <source>The start of the period is after its end; swap the two dates.</source>
        <translation>تاريخ بداية الفترة بعد تاريخ نهايتها؛ بدّل التاريخين.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="93" />
        <source>By week</source>
        <translation>أسبوعيًا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="94" />
        <source>By month</source>
        <translation>شهريًا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="96" />
        <source>This month</source>
        <translation>هذا الشهر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="96" />
        <source>Last month</source>
        <translation>الشهر الماضي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="97" />
        <source>This Hijri year</source>
        <translation>هذه السنة الهجرية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="98" />
        <source>This Gregorian year</source>
        <translation>هذه السنة الميلادية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="101" />
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="101" />
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/date_range.py" line="117" />
        <source>Trends</source>
        <translation>الاتجاهات</translation>
    </message>
</context>
<context>
    <name>DeclarationPage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="148" />
        <source>The applicant signs on the screen</source>
        <translation>يوقّع المستفيد على الشاشة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="149" />
        <source>The applicant signs on paper</source>
        <translation>يوقّع المستفيد على الورق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="165" />
        <source>The declaration as it will be printed. For a signature on paper, print it now and have it signed.</source>
        <translation>الإقرار كما سيُطبع. للتوقيع على الورق اطبعه الآن واطلب من المستفيد توقيعه.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="178" />
        <source>The applicant must sign in the box, or choose to sign on paper.</source>
        <translation>يجب أن يوقّع المستفيد في المربع، أو اختر التوقيع على الورق.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../makarem_desk/ui/dialogs.py" line="86" />
        <source>Cannot continue</source>
        <translation>تعذّر الإكمال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/dialogs.py" line="114" />
        <source>An unexpected error occurred. What you entered is kept; please try again, and tell the administrator if it happens again.</source>
        <translation>حدث خطأ غير متوقع. ما أدخلته محفوظ؛ حاول مرة أخرى، وأبلغ مدير النظام إن تكرر.</translation>
    </message>
</context>
<context>
    <name>DocumentPage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="204" />
        <source>The signed declaration: print it for the file and give the applicant a copy.</source>
        <translation>الإقرار الموقّع: اطبعه للملف وسلّم المستفيد نسخة منه.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="210" />
        <source>The application receipt for the beneficiary.</source>
        <translation>إيصال الطلب للمستفيد.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="260" />
        <source>The request was sent to the research committee.</source>
        <translation>رُفع الطلب إلى لجنة البحث.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="261" />
        <source>Registered as incomplete until the missing items are brought.</source>
        <translation>سُجّل الطلب غير مكتمل إلى حين استكمال النواقص.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="263" />
        <source>The applicant does not meet the program's conditions; the reasons were explained.</source>
        <translation>المتقدم لا يستوفي شروط البرنامج، وقد وُضّحت له الأسباب.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="265" />
        <source>Referred to the social-research officer.</source>
        <translation>أُحيل إلى مسؤول البحث الاجتماعي.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="266" />
        <source>The interview is finished.</source>
        <translation>انتهت المقابلة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="270" />
        <source>Reference: %1</source>
        <translation>الرقم المرجعي: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="272" />
        <source>Start another interview</source>
        <translation>بدء مقابلة أخرى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="278" />
        <source>Open the beneficiary's profile</source>
        <translation>فتح ملف المستفيد</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="71" />
        <source>Follow up a suggestion</source>
        <translation>متابعة مقترح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="82" />
        <source>What was decided or done, for the record</source>
        <translation>ما تقرر أو ما نُفّذ، للتوثيق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="88" />
        <source>Suggestion</source>
        <translation>المقترح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="89" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="90" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="50" />
        <source>Follow-up</source>
        <translation>المتابعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="51" />
        <source>What was promised to beneficiaries and is still to be done. Double-click a row to open the beneficiary's profile; F5 refreshes.</source>
        <translation>ما وُعد به المستفيدون ولم يُنجز بعد. انقر نقرًا مزدوجًا على صف لفتح ملف المستفيد؛ F5 للتحديث.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="69" />
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="83" />
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="106" />
        <source>Reference</source>
        <translation>رقم الطلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="69" />
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="83" />
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="106" />
        <source>Beneficiary</source>
        <translation>المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="69" />
        <source>Submitted</source>
        <translation>تاريخ الرفع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="70" />
        <source>Days waiting</source>
        <translation>أيام الانتظار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="70" />
        <source>Answer due (Hijri)</source>
        <translation>موعد الرد (هجري)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="71" />
        <source>Answer due (Gregorian)</source>
        <translation>موعد الرد (ميلادي)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="71" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="72" />
        <source>Overdue only</source>
        <translation>المتأخرة فقط</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="83" />
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="84" />
        <source>Decided on</source>
        <translation>تاريخ القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="84" />
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="107" />
        <source>Phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="84" />
        <source>Letter printed</source>
        <translation>طُبع الخطاب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="85" />
        <source>Every decision that came back has been told to its beneficiary.</source>
        <translation>أُبلغ كل مستفيد بقرار لجنة البحث في طلبه.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="87" />
        <source>Told by phone</source>
        <translation>أُبلغ هاتفيًّا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="89" />
        <source>Told by SMS</source>
        <translation>أُبلغ برسالة نصية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="90" />
        <source>Letter sent/handed</source>
        <translation>أُرسل الخطاب/سُلِّم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="93" />
        <source>Print letter</source>
        <translation>طباعة الخطاب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="106" />
        <source>Missing items</source>
        <translation>المتطلبات الناقصة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="107" />
        <source>Days pending</source>
        <translation>أيام الانتظار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="107" />
        <source>Last follow-up</source>
        <translation>آخر متابعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="108" />
        <source>No registration is waiting for missing items.</source>
        <translation>لا يوجد تسجيل ينتظر متطلبات ناقصة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="110" />
        <source>Record follow-up contact…</source>
        <translation>تسجيل تواصل للمتابعة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="113" />
        <source>Items arrived…</source>
        <translation>وصلت المتطلبات…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="119" />
        <source>Committee clock (%1)</source>
        <translation>ساعة اللجنة (%1)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="119" />
        <source>To tell (%1)</source>
        <translation>للإبلاغ (%1)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="120" />
        <source>Missing items (%1)</source>
        <translation>المتطلبات الناقصة (%1)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="157" />
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="157" />
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="178" />
        <source>Overdue</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="178" />
        <source>On time</source>
        <translation>في الموعد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="186" />
        <source>No application is past the committee target.</source>
        <translation>لا يوجد طلب تجاوز المدة المستهدفة للجنة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="188" />
        <source>No application is waiting for the research committee.</source>
        <translation>لا يوجد طلب بانتظار لجنة البحث.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="190" />
        <source>Waiting: %1 · overdue: %2 · committee target: %3 days</source>
        <translation>بانتظار اللجنة: %1 · متأخرة: %2 · المدة المستهدفة للجنة بالأيام: %3</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="198" />
        <source>Choose a row first.</source>
        <translation>اختر صفًّا أولًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="233" />
        <source>%1: the beneficiary was told by phone.</source>
        <translation>الطلب %1: أُبلغ المستفيد هاتفيًّا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="234" />
        <source>%1: the beneficiary was told by SMS.</source>
        <translation>الطلب %1: أُبلغ المستفيد برسالة نصية.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="235" />
        <source>%1: the decision letter was sent or handed over.</source>
        <translation>الطلب %1: أُرسل خطاب القرار أو سُلِّم.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="248" />
        <source>%1: the decision letter is shown below; print it, then press “Letter sent/handed” once it is on its way.</source>
        <translation>الطلب %1: خطاب القرار معروض أدناه؛ اطبعه، ثم اضغط «أُرسل الخطاب/سُلِّم» عند إرساله أو تسليمه.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="256" />
        <source>Preparing the document…</source>
        <translation>جارٍ إعداد المستند…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="265" />
        <source>Follow-up contact</source>
        <translation>تواصل للمتابعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="266" />
        <source>How was the beneficiary reminded of the missing items (%1)?</source>
        <translation>كيف ذُكِّر المستفيد بالمتطلبات الناقصة (%1)؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="270" />
        <source>Note (what was agreed)</source>
        <translation>ملاحظة (ما اتُّفق عليه)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="274" />
        <source>Items arrived</source>
        <translation>وصلت المتطلبات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="275" />
        <source>Tick the items the beneficiary brought (%1).</source>
        <translation>حدّد المتطلبات التي أحضرها المستفيد (%1).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="293" />
        <source>%1: the follow-up contact was recorded.</source>
        <translation>الطلب %1: سُجِّل تواصل المتابعة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="314" />
        <source>%1: recorded; still missing: %2</source>
        <translation>الطلب %1: سُجِّل ذلك؛ وما زال ناقصًا: %2</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_view.py" line="318" />
        <source>%1: the registration is complete and went to the research committee.</source>
        <translation>الطلب %1: اكتمل التسجيل ورُفع إلى لجنة البحث.</translation>
    </message>
</context>
<context>
    <name>FormsAdmin</name>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="27" />
        <source>Program added</source>
        <translation>إضافة برنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="28" />
        <source>Program removed</source>
        <translation>حذف برنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="29" />
        <source>Program changed</source>
        <translation>تعديل برنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="30" />
        <source>Form added</source>
        <translation>إضافة نموذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="31" />
        <source>Form removed</source>
        <translation>حذف نموذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="32" />
        <source>Form title reworded</source>
        <translation>تعديل عنوان نموذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="33" />
        <source>Item added</source>
        <translation>إضافة بند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="34" />
        <source>Item removed</source>
        <translation>حذف بند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="35" />
        <source>Item renamed</source>
        <translation>إعادة تسمية بند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="36" />
        <source>Item reworded</source>
        <translation>تعديل صياغة بند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="37" />
        <source>Item changed</source>
        <translation>تعديل بند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="38" />
        <source>Document wording added</source>
        <translation>إضافة نص مستند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="39" />
        <source>Document wording removed</source>
        <translation>حذف نص مستند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="40" />
        <source>Document wording changed</source>
        <translation>تعديل نص مستند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="43" />
        <source>Interview</source>
        <translation>المقابلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="44" />
        <source>Satisfaction survey</source>
        <translation>استبانة الرضا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="45" />
        <source>Programs</source>
        <translation>البرامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="46" />
        <source>Printed documents</source>
        <translation>المستندات المطبوعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="67" />
        <source>Checklist %1</source>
        <translation>قائمة التحقق %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="69" />
        <source>Program %1</source>
        <translation>البرنامج %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="82" />
        <source>fields: %1</source>
        <translation>الحقول: %1</translation>
    </message>
</context>
<context>
    <name>FormsAdminView</name>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="97" />
        <source>Choose a folder…</source>
        <translation>اختر مجلدًا…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="99" />
        <source>Preview again</source>
        <translation>أعد المعاينة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="117" />
        <source>Change</source>
        <translation>التغيير</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="117" />
        <source>Where</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="117" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="118" />
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="118" />
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="119" />
        <source>Choose a forms folder to see its changes here.</source>
        <translation>اختر مجلد نماذج لترى تغييراته هنا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="120" />
        <source>Install this version</source>
        <translation>ثبّت هذا الإصدار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="124" />
        <source>Preview</source>
        <translation>المعاينة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="131" />
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="131" />
        <source>Installed (Riyadh)</source>
        <translation>وقت التثبيت (الرياض)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="131" />
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="132" />
        <source>Version hash</source>
        <translation>بصمة الإصدار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="132" />
        <source>Changes</source>
        <translation>التغييرات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="133" />
        <source>Only the forms shipped with the program are in use so far.</source>
        <translation>لم تُستخدم حتى الآن إلا النماذج المرفقة بالبرنامج.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="135" />
        <source>Installed versions</source>
        <translation>الإصدارات المثبّتة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="146" />
        <source>Forms folder</source>
        <translation>مجلد النماذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="148" />
        <source>The checklists, the programs and the wording of printed documents. Choose a folder to see what it changes; a folder with problems cannot be installed. The previous version is kept.</source>
        <translation>قوائم التحقق والبرامج ونصوص المستندات المطبوعة. اختر مجلدًا لترى ما يغيّره؛ المجلد الذي فيه أخطاء لا يمكن تثبيته. ويُحتفظ بالإصدار السابق.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="167" />
        <source>In use: version %1 (%2), installed %3 by %4.</source>
        <translation>المستخدم حاليًا: الإصدار %1 (%2)، ثبّته %4 في %3.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="172" />
        <source>In use: the forms shipped with the application (no folder installed yet).</source>
        <translation>المستخدم حاليًا: النماذج المرفقة بالبرنامج (لم يُثبَّت أي مجلد بعد).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="176" />
        <source>(in use)</source>
        <translation>(المستخدم حاليًا)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="179" />
        <source>Other files only</source>
        <translation>ملفات أخرى فقط</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="185" />
        <source>Choose the forms folder</source>
        <translation>اختر مجلد النماذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="198" />
        <source>Checking the folder…</source>
        <translation>جارٍ فحص المجلد…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="204" />
        <source>%n problem(s): this folder cannot be installed until they are corrected.</source>
        <translation>
            <numerusform>لا أخطاء.</numerusform>
            <numerusform>خطأ واحد: لا يمكن تثبيت هذا المجلد حتى يُصحَّح.</numerusform>
            <numerusform>خطآن: لا يمكن تثبيت هذا المجلد حتى يُصحَّحا.</numerusform>
            <numerusform>%n أخطاء: لا يمكن تثبيت هذا المجلد حتى تُصحَّح.</numerusform>
            <numerusform>%n خطأً: لا يمكن تثبيت هذا المجلد حتى تُصحَّح.</numerusform>
            <numerusform>%n خطأ: لا يمكن تثبيت هذا المجلد حتى تُصحَّح.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="209" />
        <source>No problems. %n change(s) against the forms in use; new version %1.</source>
        <translation>
            <numerusform>لا أخطاء، ولا تغييرات عن النماذج المستخدمة حاليًا؛ الإصدار الجديد %1.</numerusform>
            <numerusform>لا أخطاء. تغيير واحد عن النماذج المستخدمة حاليًا؛ الإصدار الجديد %1.</numerusform>
            <numerusform>لا أخطاء. تغييران عن النماذج المستخدمة حاليًا؛ الإصدار الجديد %1.</numerusform>
            <numerusform>لا أخطاء. %n تغييرات عن النماذج المستخدمة حاليًا؛ الإصدار الجديد %1.</numerusform>
            <numerusform>لا أخطاء. %n تغييرًا عن النماذج المستخدمة حاليًا؛ الإصدار الجديد %1.</numerusform>
            <numerusform>لا أخطاء. %n تغيير عن النماذج المستخدمة حاليًا؛ الإصدار الجديد %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="244" />
        <source>Install the forms folder %1 with %n change(s)? New interviews will use it at once; the version in use now is kept.</source>
        <translation>
            <numerusform>هل تثبّت مجلد النماذج %1 دون تغييرات؟ ستستخدمه المقابلات الجديدة فورًا، ويُحتفظ بالإصدار المستخدم الآن.</numerusform>
            <numerusform>هل تثبّت مجلد النماذج %1 بتغيير واحد؟ ستستخدمه المقابلات الجديدة فورًا، ويُحتفظ بالإصدار المستخدم الآن.</numerusform>
            <numerusform>هل تثبّت مجلد النماذج %1 بتغييرين؟ ستستخدمه المقابلات الجديدة فورًا، ويُحتفظ بالإصدار المستخدم الآن.</numerusform>
            <numerusform>هل تثبّت مجلد النماذج %1 بـ%n تغييرات؟ ستستخدمه المقابلات الجديدة فورًا، ويُحتفظ بالإصدار المستخدم الآن.</numerusform>
            <numerusform>هل تثبّت مجلد النماذج %1 بـ%n تغييرًا؟ ستستخدمه المقابلات الجديدة فورًا، ويُحتفظ بالإصدار المستخدم الآن.</numerusform>
            <numerusform>هل تثبّت مجلد النماذج %1 بـ%n تغيير؟ ستستخدمه المقابلات الجديدة فورًا، ويُحتفظ بالإصدار المستخدم الآن.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="207" />
        <source>This folder is identical to the forms in use.</source>
        <translation>هذا المجلد مطابق للنماذج المستخدمة حاليًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="219" />
        <source>Answers are kept by item id: a renamed item is a new question, and the flow no longer finds answers given under the old id.</source>
        <translation>الإجابات تُحفظ برمز البند: البند المعاد تسميته سؤال جديد، ولن تجد المقابلة الإجابات المسجلة تحت الرمز القديم.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="247" />
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="261" />
        <source>Install the forms folder</source>
        <translation>تثبيت مجلد النماذج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="253" />
        <source>Installing the forms…</source>
        <translation>جارٍ تثبيت النماذج…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/forms_admin_view.py" line="262" />
        <source>Version %1 is installed and in use.</source>
        <translation>ثُبّت الإصدار %1 وأصبح هو المستخدم.</translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="89" />
        <source>Identity number, phone or name…</source>
        <translation>رقم الهوية أو الجوال أو الاسم…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="95" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="95" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="95" />
        <source>Phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="97" />
        <source>New beneficiary — not registered before</source>
        <translation>مستفيد جديد — لم يسجَّل من قبل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="105" />
        <source>Ask for the identity number first; search by name or phone if the applicant has no card with them.</source>
        <translation>اطلب رقم الهوية أولًا، وابحث بالاسم أو الجوال إن لم تكن الهوية مع المستفيد.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="131" />
        <location filename="../../makarem_desk/ui/interview_pages.py" line="138" />
        <source>Chosen: %1</source>
        <translation>المختار: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="144" />
        <source>A new beneficiary will be registered.</source>
        <translation>سيُسجَّل مستفيد جديد.</translation>
    </message>
</context>
<context>
    <name>InterviewView</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="94" />
        <source>Start a new interview</source>
        <translation>بدء مقابلة جديدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="97" />
        <source>Last saved</source>
        <translation>آخر حفظ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="97" />
        <source>Step</source>
        <translation>الخطوة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="97" />
        <source>Beneficiary</source>
        <translation>المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="98" />
        <source>No interview is waiting to be finished.</source>
        <translation>لا مقابلات تنتظر الإكمال.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="101" />
        <source>Resume the selected interview</source>
        <translation>استئناف المقابلة المحددة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="104" />
        <location filename="../../makarem_desk/ui/interview_view.py" line="201" />
        <source>New interview</source>
        <translation>مقابلة جديدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="105" />
        <source>Receive the visitor politely and give them enough time. Every step is saved as soon as it is done.</source>
        <translation>استقبل المستفيد بلباقة وأعطه الوقت الكافي. تُحفظ كل خطوة فور إتمامها.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="108" />
        <source>Interrupted interviews</source>
        <translation>مقابلات لم تكتمل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="135" />
        <source>Back</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="137" />
        <location filename="../../makarem_desk/ui/interview_view.py" line="281" />
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="141" />
        <source>Finish without rating</source>
        <translation>إنهاء دون تقييم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="143" />
        <source>Save and close</source>
        <translation>حفظ وإغلاق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="151" />
        <source>Ctrl+Enter or Page Down</source>
        <translation>Ctrl+Enter أو Page Down</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="152" />
        <source>Page Up</source>
        <translation>مفتاح Page Up</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="202" />
        <source>An interview is open. Its completed steps stay saved among the interrupted interviews. Start the new one now?</source>
        <translation>توجد مقابلة مفتوحة. تبقى خطواتها المكتملة محفوظة ضمن المقابلات المتوقفة. هل تبدأ المقابلة الجديدة الآن؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="267" />
        <source>Reference: %1</source>
        <translation>الرقم المرجعي: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="280" />
        <source>Complete registration</source>
        <translation>إتمام التسجيل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="294" />
        <source>Beneficiary: %1</source>
        <translation>المستفيد: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="337" />
        <source>Please correct the marked fields.</source>
        <translation>صحّح الحقول المشار إليها من فضلك.</translation>
    </message>
</context>
<context>
    <name>ItemWidget</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_items.py" line="102" />
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_items.py" line="102" />
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_items.py" line="104" />
        <source>Provided</source>
        <translation>مُقدَّم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_items.py" line="105" />
        <source>Missing</source>
        <translation>ناقص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_items.py" line="107" />
        <source>Signed on screen</source>
        <translation>وُقّع على الشاشة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_items.py" line="108" />
        <source>Signed on paper</source>
        <translation>وُقّع على الورق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_items.py" line="114" />
        <source>Said to the applicant and confirmed</source>
        <translation>أُبلغ المستفيد وتم التأكيد</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_items.py" line="225" />
        <source>(optional)</source>
        <translation>(اختياري)</translation>
    </message>
</context>
<context>
    <name>KeysPanel</name>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="46" />
        <source>Create this installation's keys…</source>
        <translation>إنشاء مفاتيح هذا الجهاز…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="49" />
        <source>Export the public key file…</source>
        <translation>تصدير ملف المفتاح العام…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="55" />
        <source>This installation</source>
        <translation>هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="58" />
        <location filename="../../makarem_desk/ui/admin_keys.py" line="70" />
        <source>Site code</source>
        <translation>رمز الموقع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="59" />
        <source>Installation role</source>
        <translation>دور الجهاز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="60" />
        <location filename="../../makarem_desk/ui/admin_keys.py" line="71" />
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="61" />
        <source>Keys folder</source>
        <translation>مجلد المفاتيح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="67" />
        <source>The private keys are sealed with a passphrase that is asked when a batch is made or opened. Keep it safe: without it no batch can be exchanged.</source>
        <translation>المفاتيح الخاصة محمية بعبارة مرور تُطلب عند إنشاء كل دفعة أو فتحها. احفظها في مكان آمن: بدونها لا يمكن تبادل أي دفعة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="70" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="70" />
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="73" />
        <source>No installation trusted yet: add one with Trust a public key file…</source>
        <translation>لا أجهزة موثوقة بعد: أضف جهازًا بزر «توثيق ملف مفتاح عام…».</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="78" />
        <source>Trust a public key file…</source>
        <translation>توثيق ملف مفتاح عام…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="81" />
        <source>The other installation is</source>
        <translation>الجهة الأخرى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="85" />
        <source>Trusted installations</source>
        <translation>الجهات الموثوقة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="88" />
        <source>A counter trusts the research committee; the committee trusts each counter. Before trusting a key file, telephone the other installation and compare the fingerprint group by group.</source>
        <translation>يوثّق الفرع لجنة البحث، وتوثّق اللجنة كل فرع. قبل توثيق ملف مفاتيح اتصل بالجهة الأخرى هاتفيًا وقارن البصمة مجموعةً مجموعة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="111" />
        <source>No keys yet</source>
        <translation>لا توجد مفاتيح بعد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="135" />
        <source>Create this installation's keys</source>
        <translation>إنشاء مفاتيح هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="139" />
        <source>Choose a passphrase for the keys (at least 8 characters). It will be asked every time a batch is made or opened:</source>
        <translation>اختر عبارة مرور للمفاتيح (ثمانية أحرف على الأقل). ستُطلب في كل مرة تُنشأ فيها دفعة أو تُفتح:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="141" />
        <source>Type the passphrase again:</source>
        <translation>اكتب عبارة المرور مرة أخرى:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="142" />
        <source>The two passphrases differ; nothing was created.</source>
        <translation>عبارتا المرور غير متطابقتين؛ لم يُنشأ شيء.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="151" />
        <location filename="../../makarem_desk/ui/admin_keys.py" line="155" />
        <source>Creating the keys…</source>
        <translation>جارٍ إنشاء المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="161" />
        <source>The keys were created. Fingerprint: %1. Now export the public key file and give it to the other installation.</source>
        <translation>أُنشئت المفاتيح. البصمة: %1. صدّر الآن ملف المفتاح العام وسلّمه للجهة الأخرى.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="173" />
        <source>Export the public key file</source>
        <translation>تصدير ملف المفتاح العام</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="174" />
        <location filename="../../makarem_desk/ui/admin_keys.py" line="189" />
        <source>Public key files (*.json)</source>
        <translation>ملفات المفاتيح العامة (*.json)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="182" />
        <source>Saved %1 (fingerprint %2).</source>
        <translation>حُفظ الملف %1 (البصمة %2).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="188" />
        <source>The other installation's public key file</source>
        <translation>ملف المفتاح العام للجهة الأخرى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="200" />
        <source>Trust %1 (%2) as %3?

Fingerprint:
%4

Telephone %1 and ask them to read the fingerprint shown on their Keys screen. Answer Yes only if every group matches.</source>
        <translation>توثيق %1 (%2) بصفته %3؟

البصمة:
%4

اتصل هاتفيًا بـ %1 واطلب منهم قراءة البصمة الظاهرة في شاشة المفاتيح لديهم. لا تُجب بـ«نعم» إلا إذا تطابقت المجموعات كلها.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="205" />
        <source>Trust a public key file</source>
        <translation>توثيق ملف مفتاح عام</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="206" />
        <source>Nothing was changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="215" />
        <source>Keys replaced</source>
        <translation>استُبدلت المفاتيح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="216" />
        <source>%1 was trusted with other keys before (fingerprint %2); they are replaced.</source>
        <translation>كان %1 موثوقًا بمفاتيح أخرى من قبل (البصمة %2)؛ وقد استُبدلت.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_keys.py" line="219" />
        <source>%1 is now trusted.</source>
        <translation>أصبح %1 جهة موثوقة.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="52" />
        <source>Interview in progress</source>
        <translation>المقابلة جارية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="53" />
        <source>Incomplete — items missing</source>
        <translation>غير مكتمل — نواقص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="54" />
        <source>With the research committee</source>
        <translation>لدى لجنة البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="55" />
        <source>Accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="56" />
        <source>Rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="57" />
        <source>Not eligible</source>
        <translation>غير مستوفٍ للشروط</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="58" />
        <source>Withdrawn</source>
        <translation>مسحوب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="64" />
        <source>Interview</source>
        <translation>المقابلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="65" />
        <source>Phone call</source>
        <translation>اتصال هاتفي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="66" />
        <source>Social media</source>
        <translation>وسائل التواصل الاجتماعي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="67" />
        <source>Letter</source>
        <translation>خطاب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="68" />
        <source>Assistance request</source>
        <translation>طلب مساعدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="69" />
        <source>Volunteering</source>
        <translation>التطوع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="70" />
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="76" />
        <source>National ID</source>
        <translation>الهوية الوطنية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="77" />
        <source>Iqama</source>
        <translation>الإقامة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="78" />
        <source>Passport</source>
        <translation>جواز السفر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="79" />
        <source>No identity document</source>
        <translation>بدون هوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="84" />
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="84" />
        <source>Answered</source>
        <translation>تم الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="85" />
        <source>Closed</source>
        <translation>مغلقة</translation>
    </message>
</context>
<context>
    <name>Letterhead</name>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="34" />
        <source>Paper as set in Settings</source>
        <translation>الورق المحدد في الإعدادات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="36" />
        <source>A4 page</source>
        <translation>صفحة A4</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="37" />
        <source>80 mm receipt printer</source>
        <translation>طابعة إيصالات 80 مم</translation>
    </message>
</context>
<context>
    <name>LetterheadBox</name>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="45" />
        <source>Letterhead and letters</source>
        <translation>ترويسة الأوراق والخطابات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="51" />
        <source>Printed at the foot of every paper (declaration, receipt, letters); an empty line is left out.</source>
        <translation>تطبع في أسفل كل ورقة (الإقرار والإيصال والخطابات)، ويحذف ما يترك فارغًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="54" />
        <source>Telephone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="55" />
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="56" />
        <source>Address (Arabic)</source>
        <translation>العنوان (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="57" />
        <source>Address (English)</source>
        <translation>العنوان (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="58" />
        <source>Licence number</source>
        <translation>رقم الترخيص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="59" />
        <source>Signatory of the letters (Arabic)</source>
        <translation>المفوض بتوقيع الخطابات (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="60" />
        <source>Signatory's title (Arabic)</source>
        <translation>صفة المفوض بالتوقيع (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="61" />
        <source>Signatory (English)</source>
        <translation>المفوض بالتوقيع (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="62" />
        <source>Signatory's title (English)</source>
        <translation>صفة المفوض بالتوقيع (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="71" />
        <source>Receipt paper</source>
        <translation>ورق الإيصال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="72" />
        <source>Save the letterhead</source>
        <translation>حفظ الترويسة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/letterhead_box.py" line="91" />
        <source>The letterhead was saved; the next paper printed carries it.</source>
        <translation>حُفظت الترويسة، وستظهر في الأوراق التي تطبع بعد الآن.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="37" />
        <source>Bylaws</source>
        <translation>اللائحة الأساسية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="38" />
        <source>Guide</source>
        <translation>دليل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="39" />
        <source>Policy</source>
        <translation>سياسة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="40" />
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="52" />
        <source>Reference library</source>
        <translation>المكتبة المرجعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="53" />
        <source>The association's policy, bylaws and services guide. Spelling variants of a word are found too.</source>
        <translation>سياسة الجمعية ولائحتها الأساسية ودليل الخدمات. يُعثر على الكلمة مهما اختلف رسمها (الهمزات، التاء المربوطة، الألف المقصورة، التشكيل).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="57" />
        <source>Words to find</source>
        <translation>الكلمات المطلوب البحث عنها</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="59" />
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="66" />
        <source>Add document…</source>
        <translation>إضافة مستند…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="68" />
        <source>Remove…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="104" />
        <source>No passage found.</source>
        <translation>لم يُعثر على أي مقطع.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="106" />
        <source>%1 — page %2</source>
        <translation>%1 — صفحة %2</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="133" />
        <source>Choose the document to add</source>
        <translation>اختر المستند المراد إضافته</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="134" />
        <source>PDF or text (*.pdf *.txt)</source>
        <translation>PDF أو نص (*.pdf *.txt)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="137" />
        <location filename="../../makarem_desk/ui/library_view.py" line="165" />
        <source>Add document</source>
        <translation>إضافة مستند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="137" />
        <source>Title of the document</source>
        <translation>عنوان المستند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="145" />
        <source>Cannot read the file %1.</source>
        <translation>تعذّرت قراءة الملف %1.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="156" />
        <source>Added to the library: %1 (%2 passages).</source>
        <translation>أُضيف إلى المكتبة: %1 (عدد المقاطع: %2).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="161" />
        <source>Reading the document…</source>
        <translation>جارٍ قراءة المستند…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="165" />
        <source>Kind of document</source>
        <translation>نوع المستند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="178" />
        <source>The library is empty.</source>
        <translation>المكتبة فارغة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="183" />
        <location filename="../../makarem_desk/ui/library_view.py" line="189" />
        <source>Remove a document</source>
        <translation>حذف مستند</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="183" />
        <source>The document to remove</source>
        <translation>المستند المراد حذفه</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="190" />
        <source>Remove “%1” from the library? Staff will no longer find it.</source>
        <translation>حذف «%1» من المكتبة؟ لن يجده الموظفون بعد ذلك.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/library_view.py" line="201" />
        <source>Removed from the library: %1</source>
        <translation>حُذف من المكتبة: %1</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../makarem_desk/ui/follow_up_lists.py" line="128" />
        <source>The first %1 of %2 are shown, the longest waiting first.</source>
        <translation>يُعرض أول %1 من %2، الأطول انتظارًا أولًا.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="122" />
        <source>The window is locked</source>
        <translation>النافذة مقفلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="125" />
        <source>Signed in: %1 (%2) — %3</source>
        <translation>المستخدم الحالي: %1 (%2) — %3</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="131" />
        <source>Nothing was lost: type your password to carry on where you stopped.</source>
        <translation>لم يضع شيء: اكتب كلمة المرور لتكمل من حيث توقفت.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="139" />
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="147" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="149" />
        <source>Someone else? An administrator can sign this user out</source>
        <translation>مستخدم آخر؟ يستطيع مدير النظام تسجيل خروج هذا المستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="155" />
        <source>Sign this user out</source>
        <translation>تسجيل خروج هذا المستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="158" />
        <source>Administrator's user name</source>
        <translation>اسم المستخدم لمدير النظام</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/idle_lock.py" line="159" />
        <source>Administrator's password</source>
        <translation>كلمة مرور مدير النظام</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../makarem_desk/ui/login_view.py" line="33" />
        <source>Makarem Desk</source>
        <translation>مكتب مكارم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/login_view.py" line="37" />
        <source>Beneficiary relations counter — please sign in</source>
        <translation>مكتب علاقات المستفيدين — سجّل الدخول من فضلك</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/login_view.py" line="47" />
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/login_view.py" line="55" />
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/login_view.py" line="56" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/login_view.py" line="91" />
        <source>Opening the database…</source>
        <translation>جارٍ فتح قاعدة البيانات…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="76" />
        <location filename="../../makarem_desk/ui/main_window.py" line="101" />
        <source>Makarem Desk</source>
        <translation>مكتب مكارم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="142" />
        <source>Reference library</source>
        <translation>المكتبة المرجعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="122" />
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="137" />
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="138" />
        <source>Beneficiary profile</source>
        <translation>ملف المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="141" />
        <source>Follow-up</source>
        <translation>المتابعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="146" />
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="154" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="160" />
        <location filename="../../makarem_desk/ui/main_window.py" line="391" />
        <location filename="../../makarem_desk/ui/main_window.py" line="395" />
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="188" />
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="308" />
        <source>This screen cannot be opened: %1</source>
        <translation>تعذّر فتح هذه الشاشة: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="134" />
        <source>New interview</source>
        <translation>مقابلة جديدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="136" />
        <source>New contact</source>
        <translation>تواصل جديد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="139" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="149" />
        <source>Exchange with the committee</source>
        <translation>التبادل مع لجنة البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="151" />
        <source>Committee decisions</source>
        <translation>قرارات اللجنة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="153" />
        <source>Administration</source>
        <translation>الإدارة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="392" />
        <source>A contact is typed and not saved; signing out loses it. Sign out now?</source>
        <translation>هناك تواصل مكتوب لم يُحفظ، وسيضيع عند تسجيل الخروج. هل تسجّل الخروج الآن؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="396" />
        <source>An interview is open. The steps already completed are saved and can be resumed later; what is typed on the current step is not. Sign out now?</source>
        <translation>توجد مقابلة مفتوحة. الخطوات المكتملة محفوظة ويمكن استئنافها لاحقًا، أما ما كُتب في الخطوة الحالية فلن يُحفظ. هل تريد تسجيل الخروج الآن؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="144" />
        <source>Satisfaction</source>
        <translation>رضا المستفيدين</translation>
    </message>
</context>
<context>
    <name>NationalityBox</name>
    <message>
        <location filename="../../makarem_desk/ui/nationality_box.py" line="30" />
        <source>Type part of the country's name</source>
        <translation>اكتب جزءًا من اسم الدولة</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="82" />
        <source>Print…</source>
        <translation>طباعة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="85" />
        <source>Save as PDF…</source>
        <translation>حفظ بصيغة PDF…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="144" />
        <location filename="../../makarem_desk/ui/preview.py" line="159" />
        <source>Printing…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="149" />
        <source>Sent to the printer.</source>
        <translation>أُرسل إلى الطابعة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="164" />
        <source>Save as PDF</source>
        <translation>حفظ بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="173" />
        <source>Saved: %1</source>
        <translation>حُفظ في: %1</translation>
    </message>
</context>
<context>
    <name>PersonalPage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="185" />
        <source>First name</source>
        <translation>الاسم الأول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="186" />
        <source>Father's name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="187" />
        <source>Grandfather's name</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="188" />
        <source>Family name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="194" />
        <source>Name (four parts)</source>
        <translation>الاسم الرباعي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="198" />
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="205" />
        <source>Identity document</source>
        <translation>وثيقة الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="209" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="212" />
        <source>Identity expiry</source>
        <translation>تاريخ انتهاء الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="216" />
        <source>Verifying partner (no identity)</source>
        <translation>الجهة المُعرِّفة (لمن لا هوية له)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="217" />
        <source>Partner's reference</source>
        <translation>رقم مرجع الجهة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="220" />
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="221" />
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="223" />
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="226" />
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="229" />
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="296" />
        <source>Valid national ID (citizen).</source>
        <translation>هوية وطنية صحيحة (مواطن).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="297" />
        <source>Valid iqama number (resident).</source>
        <translation>رقم إقامة صحيح (مقيم).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="299" />
        <source>Valid phone number: %1</source>
        <translation>رقم جوال صحيح: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="230" />
        <source>Phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="230" />
        <source>Other phone</source>
        <translation>جوال آخر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="231" />
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="235" />
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="235" />
        <source>District</source>
        <translation>الحي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="236" />
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
</context>
<context>
    <name>ProfileHistory</name>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="25" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="26" />
        <source>What</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="27" />
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="28" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="29" />
        <source>Staff</source>
        <translation>الموظف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="30" />
        <source>Nothing is recorded for this person yet: start with New application or New contact above.</source>
        <translation>لا شيء مسجَّل لهذا المستفيد بعد: ابدأ بزر «طلب جديد» أو «تواصل جديد» في الأعلى.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="33" />
        <source>Contact</source>
        <translation>تواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="34" />
        <source>Application</source>
        <translation>طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="35" />
        <source>Referral</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="36" />
        <source>Paper printed</source>
        <translation>ورقة مطبوعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="40" />
        <source>Application submitted</source>
        <translation>رُفع الطلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="41" />
        <source>Items missing</source>
        <translation>نواقص لم تُستكمل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="42" />
        <source>Not eligible</source>
        <translation>غير مستحق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="43" />
        <source>Referred</source>
        <translation>أُحيل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="44" />
        <source>Interview abandoned</source>
        <translation>أُلغيت المقابلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="45" />
        <source>Told of the decision</source>
        <translation>أُبلغ بالقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="46" />
        <source>Told by text message</source>
        <translation>أُبلغ برسالة نصية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="47" />
        <source>Missing items followed up</source>
        <translation>تُوبعت النواقص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="48" />
        <source>Answered</source>
        <translation>أُجيب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="49" />
        <source>Registered</source>
        <translation>سُجِّل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_history.py" line="50" />
        <source>To follow up</source>
        <translation>للمتابعة</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="121" />
        <source>Beneficiary profile</source>
        <translation>ملف المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="122" />
        <source>Find a beneficiary with Search (Ctrl+F) to see their file.</source>
        <translation>ابحث عن المستفيد من شاشة البحث (Ctrl+F) لعرض ملفه.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="138" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="130" />
        <location filename="../../makarem_desk/ui/profile_view.py" line="134" />
        <source>Reference</source>
        <translation>الرقم المرجعي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="130" />
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="130" />
        <location filename="../../makarem_desk/ui/profile_view.py" line="138" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="130" />
        <source>Answer due</source>
        <translation>موعد الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="131" />
        <source>No application yet: start one with New application (%1).</source>
        <translation>لا طلبات بعد: ابدأ طلبًا بزر «طلب جديد» (%1).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="134" />
        <source>Signed</source>
        <translation>تاريخ التوقيع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="134" />
        <source>Printed</source>
        <translation>تاريخ الطباعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="135" />
        <source>No declaration yet: it is signed and printed in the interview of a new application.</source>
        <translation>لا إقرارات بعد: يُوقَّع الإقرار ويُطبع في مقابلة طلب جديد.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="138" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="138" />
        <source>Kind of reason</source>
        <translation>نوع السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="139" />
        <source>Answer</source>
        <translation>الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="140" />
        <source>No referral yet: when the procedures are unclear to the beneficiary, use Refer to the social-research officer above.</source>
        <translation>لا إحالات بعد: إن لم تتضح الإجراءات للمستفيد فاستخدم زر «إحالة إلى مسؤول البحث الاجتماعي» في الأعلى.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="150" />
        <source>Show and reprint</source>
        <translation>عرض وإعادة الطباعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="156" />
        <source>Show the receipt</source>
        <translation>عرض الإيصال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="158" />
        <source>Show the decision letter</source>
        <translation>عرض خطاب القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="165" />
        <source>Applications</source>
        <translation>الطلبات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="167" />
        <source>Declarations</source>
        <translation>الإقرارات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="230" />
        <source>Refer to the social-research officer…</source>
        <translation>إحالة إلى مسؤول البحث الاجتماعي…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="172" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="162" />
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="232" />
        <source>Reprint the last declaration</source>
        <translation>إعادة طباعة آخر إقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="234" />
        <source>Show the last receipt</source>
        <translation>عرض آخر إيصال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="276" />
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="276" />
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="288" />
        <source>File number</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="289" />
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="290" />
        <source>Identity document</source>
        <translation>وثيقة الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="291" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="292" />
        <source>Identity expiry</source>
        <translation>تاريخ انتهاء الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="293" />
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="294" />
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="295" />
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="296" />
        <source>Phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="297" />
        <source>Other phone</source>
        <translation>جوال آخر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="298" />
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="299" />
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="300" />
        <source>District</source>
        <translation>الحي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="301" />
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="380" />
        <source>%1 by %2</source>
        <translation>%1 — بواسطة %2</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="388" />
        <source>No referral to the social-research officer yet.</source>
        <translation>لا توجد إحالات إلى مسؤول البحث الاجتماعي بعد.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="393" />
        <source>The social-research officer's answer (%1):</source>
        <translation>رد مسؤول البحث الاجتماعي (%1):</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="397" />
        <source>Waiting for the social-research officer's answer.</source>
        <translation>بانتظار رد مسؤول البحث الاجتماعي.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="412" />
        <source>Preparing the document…</source>
        <translation>جارٍ تجهيز المستند…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="428" />
        <source>The committee has not decided on this application yet.</source>
        <translation>لم تقرر لجنة البحث في هذا الطلب بعد.</translation>
    </message>
</context>
<context>
    <name>ReceptionPage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="65" />
        <source>Program applied for</source>
        <translation>البرنامج المتقدَّم إليه</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="63" />
        <source>Refer to the social-research officer</source>
        <translation>الإحالة إلى مسؤول البحث الاجتماعي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="67" />
        <source>— Choose the kind of reason —</source>
        <translation>— اختر نوع السبب —</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="71" />
        <source>What the beneficiary needs explained (required for “Other reason”)</source>
        <translation>ما يحتاج المستفيد إلى توضيحه (مطلوب عند اختيار «سبب آخر»)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="79" />
        <source>Refer</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="84" />
        <source>Kind of reason</source>
        <translation>نوع السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="85" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="87" />
        <source>The social-research officer answers the beneficiary and explains.</source>
        <translation>يجيب مسؤول البحث الاجتماعي المستفيدَ ويوضح له.</translation>
    </message>
</context>
<context>
    <name>ReferralReasons</name>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="30" />
        <source>Procedures unclear to the beneficiary</source>
        <translation>الإجراءات غير واضحة للمستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="32" />
        <source>Special circumstances</source>
        <translation>ظروف خاصة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="34" />
        <source>Documents or the data given</source>
        <translation>المستندات أو صحة البيانات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="35" />
        <source>Program conditions and eligibility</source>
        <translation>شروط البرنامج والأهلية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="37" />
        <source>Complaint or dissatisfaction</source>
        <translation>شكوى أو عدم رضا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referral_widgets.py" line="39" />
        <source>Other reason</source>
        <translation>سبب آخر</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="47" />
        <location filename="../../makarem_desk/ui/referrals_view.py" line="58" />
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="48" />
        <location filename="../../makarem_desk/ui/referrals_view.py" line="59" />
        <source>Answered</source>
        <translation>تم الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="49" />
        <location filename="../../makarem_desk/ui/referrals_view.py" line="58" />
        <location filename="../../makarem_desk/ui/referrals_view.py" line="150" />
        <source>Overdue</source>
        <translation>متأخرة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="59" />
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="62" />
        <source>Every kind of reason</source>
        <translation>كل أنواع الأسباب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="66" />
        <source>Show</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="68" />
        <location filename="../../makarem_desk/ui/referrals_view.py" line="75" />
        <source>Kind of reason</source>
        <translation>نوع السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="74" />
        <source>Beneficiary</source>
        <translation>المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="74" />
        <source>File number</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="75" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="75" />
        <source>Age (days)</source>
        <translation>العمر (أيام)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="76" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="81" />
        <source>The answer and explanation given to the beneficiary</source>
        <translation>الرد والشرح المقدَّمان للمستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="83" />
        <source>Record the answer</source>
        <translation>تسجيل الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="90" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="91" />
        <source>Beneficiaries referred to the social-research officer, who answers them and explains.</source>
        <translation>المستفيدون المحالون إلى مسؤول البحث الاجتماعي، وهو يجيبهم ويوضح لهم.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="127" />
        <source>Overdue: open longer than the target set in Settings (days: %1).</source>
        <translation>المتأخرة: المفتوحة أطول من المدة المحددة في الإعدادات (عدد الأيام: %1).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="142" />
        <source>Only the first %1 are listed; choose a status or a kind of reason to see the others.</source>
        <translation>تُعرض أول %1 إحالة فقط؛ اختر حالة أو نوع سبب لرؤية البقية.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="158" />
        <source>No referral matches this choice.</source>
        <translation>لا توجد إحالة تطابق هذا الاختيار.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="160" />
        <source>No referral is waiting longer than the target.</source>
        <translation>لا توجد إحالة تجاوزت المدة المحددة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="161" />
        <source>No referral is waiting for the social-research officer's answer.</source>
        <translation>لا توجد إحالة بانتظار رد مسؤول البحث الاجتماعي.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/referrals_view.py" line="185" />
        <source>Choose a referral first.</source>
        <translation>اختر إحالة أولًا.</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="229" />
        <source>Items still missing — the registration will be completed when they are brought:</source>
        <translation>نواقص لم تُستكمل — يكتمل التسجيل عند إحضارها:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="235" />
        <source>Everything required is complete. The request goes to the research committee.</source>
        <translation>اكتملت جميع المتطلبات، وسيُرفع الطلب إلى لجنة البحث.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../makarem_desk/ui/report_page.py" line="117" />
        <source>Choose the period, then press Show.</source>
        <translation>اختر الفترة ثم اضغط «عرض».</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="50" />
        <source>Show</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="54" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="60" />
        <source>Save as PDF…</source>
        <translation>حفظ بصيغة PDF…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="62" />
        <source>Save as Excel…</source>
        <translation>حفظ بصيغة Excel…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="83" />
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="111" />
        <source>Drawing the charts</source>
        <translation>رسم المخططات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="124" />
        <source>Preparing the report…</source>
        <translation>جارٍ إعداد التقرير…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="175" />
        <source>The report was cancelled.</source>
        <translation>أُلغي إعداد التقرير.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="204" />
        <source>Save as PDF</source>
        <translation>حفظ بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="204" />
        <source>Save as Excel</source>
        <translation>حفظ بصيغة Excel</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="205" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>مصنف Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="215" />
        <source>Saved: %1</source>
        <translation>حُفظ في: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/reports_view.py" line="226" />
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="43" />
        <source>Counter (branch / reception point)</source>
        <translation>فرع / نقطة استقبال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="44" />
        <source>Research committee</source>
        <translation>لجنة البحث</translation>
    </message>
</context>
<context>
    <name>SatisfactionPage</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="413" />
        <source>Anonymous rating</source>
        <translation>تقييم دون ذكر الاسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="417" />
        <source>Rating is the beneficiary's right, used to improve the service — never to punish anyone. It is optional.</source>
        <translation>التقييم حق للمستفيد، يُستفاد منه في تحسين الخدمة لا في محاسبة أحد، وهو اختياري.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="422" />
        <source>Overall rating (1 = poor, 5 = excellent)</source>
        <translation>التقييم العام (١ = ضعيف، ٥ = ممتاز)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="403" />
        <source>Hand the screen to the beneficiary</source>
        <translation>سلّم الشاشة للمستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_pages.py" line="420" />
        <source>The beneficiary answers alone, anonymously unless they choose otherwise; the answers are not shown to you.</source>
        <translation>يجيب المستفيد بنفسه، دون ذكر اسمه ما لم يختر غير ذلك؛ ولا تُعرض عليك إجاباته.</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="45" />
        <source>Identity number, phone or name…</source>
        <translation>رقم الهوية أو الجوال أو الاسم…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="53" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="53" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="53" />
        <source>Phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="54" />
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="54" />
        <source>Found by</source>
        <translation>طريقة المطابقة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="56" />
        <source>Type a name, an identity number or a phone above; if nobody is found, start a new interview (Ctrl+N).</source>
        <translation>اكتب اسمًا أو رقم هوية أو رقم جوال في الأعلى؛ وإن لم يُعثر على أحد فابدأ مقابلة جديدة (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="66" />
        <source>Open the profile</source>
        <translation>فتح ملف المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="67" />
        <source>Enter</source>
        <translation>مفتاح الإدخال Enter</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="76" />
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="77" />
        <source>Names are matched whatever the spelling of hamza, taa marbuta or compound names.</source>
        <translation>تُطابق الأسماء مهما اختلفت كتابة الهمزة أو التاء المربوطة أو الأسماء المركبة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="100" />
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="25" />
        <source>identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="26" />
        <source>phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="27" />
        <source>name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="28" />
        <source>file number</source>
        <translation>رقم الملف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="29" />
        <source>application number</source>
        <translation>رقم الطلب</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makarem_desk/ui/search_view.py" line="125" />
        <source>%n result(s)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="129" />
        <source>Training installation: demo data only, never real beneficiaries.</source>
        <translation>نسخة تدريب: بيانات تجريبية فقط، لا تُسجَّل فيها بيانات مستفيدين حقيقيين.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="97" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="69" />
        <source>Language of the interface</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="70" />
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="76" />
        <source>Change my password</source>
        <translation>تغيير كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="78" />
        <source>My password</source>
        <translation>كلمة المرور الخاصة بي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="80" />
        <source>Current password</source>
        <translation>كلمة المرور الحالية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="81" />
        <source>New password</source>
        <translation>كلمة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="197" />
        <source>Association</source>
        <translation>الجمعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="202" />
        <source>No logo</source>
        <translation>لا يوجد شعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="205" />
        <source>Choose logo (PNG)…</source>
        <translation>اختيار الشعار (PNG)…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="207" />
        <source>Save the association's details</source>
        <translation>حفظ بيانات الجمعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="122" />
        <source>Site code</source>
        <translation>رمز الموقع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="83" />
        <source>Me</source>
        <translation>حسابي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="88" />
        <location filename="../../makarem_desk/ui/settings_view.py" line="120" />
        <source>This installation</source>
        <translation>هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="91" />
        <source>Association and letterhead</source>
        <translation>الجمعية وترويسة الأوراق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="123" />
        <source>Branch name</source>
        <translation>اسم الفرع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="126" />
        <source>Installation role</source>
        <translation>دور الجهاز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="132" />
        <source>Chosen once at the first-run set-up; it decides what this installation may do (only the research committee records decisions).</source>
        <translation>يُحدَّد مرة واحدة عند الإعداد الأول، وعليه يتوقف ما يُسمح لهذا الجهاز به (لجنة البحث وحدها تسجّل القرارات).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="139" />
        <source>minutes</source>
        <translation>دقيقة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="145" />
        <source>Save the idle time</source>
        <translation>حفظ مدة الخمول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="149" />
        <source>Lock the window after no use for</source>
        <translation>قفل النافذة بعد عدم الاستخدام لمدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="156" />
        <source>Service targets</source>
        <translation>المدد المستهدفة للخدمة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="163" />
        <source>days</source>
        <translation>يوم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="167" />
        <source>Save the targets</source>
        <translation>حفظ المدد المستهدفة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="170" />
        <source>Committee answer within</source>
        <translation>رد لجنة البحث خلال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="171" />
        <source>Referral answer within</source>
        <translation>الرد على الإحالة خلال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="179" />
        <source>A wait longer than its target is counted as overdue; a wait of exactly the target is on time.</source>
        <translation>الانتظار الأطول من مدته المستهدفة يُعد متأخرًا؛ والانتظار المساوي لها تمامًا في الموعد.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="191" />
        <source>Saved: the committee answers within %1 days, a referral within %2 days.</source>
        <translation>حُفظ: ترد اللجنة خلال %1 يومًا، ويُرد على الإحالة خلال %2 يومًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="210" />
        <source>Association name (Arabic)</source>
        <translation>اسم الجمعية بالعربية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="211" />
        <source>Association name (English)</source>
        <translation>اسم الجمعية بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="215" />
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="260" />
        <source>Saved: the window locks after %1 minutes without use.</source>
        <translation>حُفظ: تُقفل النافذة بعد %1 دقيقة دون استخدام.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="250" />
        <source>Your password was changed.</source>
        <translation>تم تغيير كلمة المرور.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="264" />
        <source>Choose the logo</source>
        <translation>اختيار الشعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="278" />
        <source>The association's details were saved.</source>
        <translation>تم حفظ بيانات الجمعية.</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="43" />
        <source>These details appear on every printed document. The administrator can change the names and logo later.</source>
        <translation>تظهر هذه البيانات في كل مستند مطبوع، ويمكن لمدير النظام تعديل الأسماء والشعار لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="76" />
        <source>No logo</source>
        <translation>لا يوجد شعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="80" />
        <source>Choose logo (PNG)…</source>
        <translation>اختيار الشعار (PNG)…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="89" />
        <source>Association name (Arabic)</source>
        <translation>اسم الجمعية بالعربية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="90" />
        <source>Association name (English)</source>
        <translation>اسم الجمعية بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="91" />
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="41" />
        <source>Welcome — set up this installation</source>
        <translation>أهلًا بك — إعداد هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="58" />
        <source>Only the research committee records decisions; the counters receive beneficiaries and send their records to it. This cannot be changed later.</source>
        <translation>لجنة البحث وحدها تسجّل القرارات؛ أما الفروع فتستقبل المستفيدين وترسل سجلاتها إليها. لا يمكن تغيير ذلك لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="87" />
        <source>This installation is</source>
        <translation>هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="92" />
        <source>Site code</source>
        <translation>رمز الموقع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="93" />
        <source>Branch name</source>
        <translation>اسم الفرع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="94" />
        <source>Administrator's full name</source>
        <translation>الاسم الكامل لمدير النظام</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="95" />
        <source>Administrator's user name</source>
        <translation>اسم المستخدم لمدير النظام</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="96" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="97" />
        <source>Repeat the password</source>
        <translation>تأكيد كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="101" />
        <source>Contact details printed on every paper (optional):</source>
        <translation>بيانات التواصل التي تطبع على كل ورقة (اختيارية):</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="102" />
        <source>Telephone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="103" />
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="104" />
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="105" />
        <source>Licence number</source>
        <translation>رقم الترخيص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="110" />
        <source>Save and start</source>
        <translation>حفظ والبدء</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="132" />
        <source>Choose the logo</source>
        <translation>اختيار الشعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="153" />
        <source>Choose whether this installation is a counter or the research committee.</source>
        <translation>حدّد هل هذا الجهاز فرع / نقطة استقبال أم لجنة البحث.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="157" />
        <source>The two passwords differ.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="45" />
        <source>Anywhere</source>
        <translation>في كل الشاشات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="46" />
        <source>This sheet of keys</source>
        <translation>قائمة المفاتيح هذه</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="47" />
        <source>Search for a beneficiary</source>
        <translation>البحث عن مستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="48" />
        <source>New interview</source>
        <translation>مقابلة جديدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="50" />
        <source>New application for the beneficiary selected or shown (Search, profile, Today)</source>
        <translation>طلب جديد للمستفيد المحدد أو المعروض (البحث، ملف المستفيد، اليوم)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="53" />
        <source>New contact for the beneficiary selected or shown</source>
        <translation>تواصل جديد للمستفيد المحدد أو المعروض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="54" />
        <source>Save (an interview: leave it for later)</source>
        <translation>حفظ (المقابلة: تُترك لاستكمالها لاحقًا)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="55" />
        <source>Print the document on screen</source>
        <translation>طباعة المستند المعروض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="56" />
        <source>Refresh the screen</source>
        <translation>تحديث الشاشة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="57" />
        <source>The screens of the side bar, in order</source>
        <translation>شاشات الشريط الجانبي بالترتيب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="58" />
        <source>Sign out (asks first when work is open)</source>
        <translation>تسجيل الخروج (يُسأل أولًا إن كان هناك عمل مفتوح)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="59" />
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="60" />
        <source>Search now; again: go to the results</source>
        <translation>البحث فورًا؛ ومرة ثانية: الانتقال إلى النتائج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="61" />
        <source>From the search box to the results</source>
        <translation>من مربع البحث إلى النتائج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="62" />
        <source>Interview</source>
        <translation>المقابلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="63" />
        <source>Start the interview; in a step: Next (the focused button when it is one)</source>
        <translation>بدء المقابلة؛ وفي الخطوة: التالي (أو الزر المحدد إن كان التركيز على زر)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="66" />
        <source>Next / previous field, in reading order</source>
        <translation>الحقل التالي / السابق بترتيب القراءة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="67" />
        <source>Tick a box or choose the focused answer</source>
        <translation>تحديد مربع أو اختيار الإجابة المحددة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="68" />
        <source>Move between the answers of a question</source>
        <translation>التنقل بين إجابات السؤال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="69" />
        <source>Next step</source>
        <translation>الخطوة التالية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="70" />
        <source>Previous step</source>
        <translation>الخطوة السابقة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="82" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="118" />
        <source>Everything at the counter can be done from the keyboard.</source>
        <translation>كل عمل الاستقبال يمكن إنجازه من لوحة المفاتيح.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../makarem_desk/ui/signature_pad.py" line="144" />
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/signature_pad.py" line="145" />
        <source>Accept signature</source>
        <translation>اعتماد التوقيع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/signature_pad.py" line="146" />
        <location filename="../../makarem_desk/ui/signature_pad.py" line="164" />
        <source>The applicant signs in the box.</source>
        <translation>يوقّع المستفيد داخل المربع.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/signature_pad.py" line="173" />
        <source>Signature accepted.</source>
        <translation>تم اعتماد التوقيع.</translation>
    </message>
</context>
<context>
    <name>StartButtons</name>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="33" />
        <source>New application</source>
        <translation>طلب جديد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/shortcuts_sheet.py" line="37" />
        <source>New contact</source>
        <translation>تواصل جديد</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../makarem_desk/ui/main.py" line="68" />
        <source>Makarem Desk</source>
        <translation>مكتب مكارم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main.py" line="70" />
        <source>Makarem Desk — starting…</source>
        <translation>مكتب مكارم — جارٍ التشغيل…</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="48" />
        <source>Reception and program</source>
        <translation>الاستقبال والبرنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="49" />
        <source>Find the beneficiary</source>
        <translation>التعرّف على المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="50" />
        <source>Personal data</source>
        <translation>البيانات الشخصية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="51" />
        <source>Eligibility</source>
        <translation>التحقق من الأهلية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="52" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="53" />
        <source>Clarity of procedures</source>
        <translation>وضوح الإجراءات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="54" />
        <source>Data-accuracy declaration</source>
        <translation>إقرار صحة البيانات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="55" />
        <source>Committee notice</source>
        <translation>إبلاغ لجنة البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="56" />
        <source>Registration</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="57" />
        <source>Service delivery</source>
        <translation>تقديم الخدمة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="58" />
        <source>Satisfaction</source>
        <translation>قياس الرضا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/interview_view.py" line="59" />
        <source>Finished</source>
        <translation>انتهت</translation>
    </message>
</context>
<context>
    <name>SuggestionsView</name>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="39" />
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="40" />
        <source>Under review</source>
        <translation>قيد الدراسة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="41" />
        <source>Adopted</source>
        <translation>مُعتمد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="42" />
        <source>Not adopted</source>
        <translation>غير مُعتمد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="103" />
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="107" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="107" />
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="107" />
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="108" />
        <source>Suggestion</source>
        <translation>المقترح</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="108" />
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="127" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="109" />
        <source>Note</source>
        <translation>ملاحظة المتابعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="108" />
        <source>Beneficiary</source>
        <translation>المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="110" />
        <source>No suggestion with this status: choose another status above.</source>
        <translation>لا مقترحات بهذه الحالة: اختر حالة أخرى في الأعلى.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="118" />
        <source>Follow up…</source>
        <translation>متابعة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="132" />
        <source>Satisfaction — suggestions</source>
        <translation>رضا المستفيدين — المقترحات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="134" />
        <source>What beneficiaries suggested in the satisfaction survey, to be followed up. Figures by channel, program and period are in Reports. Ratings improve the service; no screen names the member of staff who served.</source>
        <translation>ما اقترحه المستفيدون في استبانة الرضا، لمتابعته. أرقام الرضا حسب القناة والبرنامج والفترة في شاشة التقارير. التقييم لتحسين الخدمة، ولا تذكر أي شاشة اسم الموظف الذي قدّمها.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="156" />
        <source>Anonymous</source>
        <translation>دون اسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="160" />
        <source>%1 suggestions</source>
        <translation>عدد المقترحات: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/suggestions_view.py" line="165" />
        <source>Choose a suggestion first.</source>
        <translation>اختر مقترحًا أولًا.</translation>
    </message>
</context>
<context>
    <name>SurveyView</name>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="27" />
        <source>Very dissatisfied</source>
        <translation>غير راضٍ أبدًا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="28" />
        <source>Dissatisfied</source>
        <translation>غير راضٍ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="29" />
        <source>Neither</source>
        <translation>محايد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="30" />
        <source>Satisfied</source>
        <translation>راضٍ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="31" />
        <source>Very satisfied</source>
        <translation>راضٍ جدًا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="34" />
        <source>Your opinion of our service</source>
        <translation>رأيك في خدمتنا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="35" />
        <source>How satisfied are you with the service you received today?</source>
        <translation>ما مدى رضاك عن الخدمة التي تلقيتها اليوم؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="37" />
        <source>Answering is optional. Your answer is anonymous unless you choose to link it to your file. It is used to improve the service, never to blame anyone.</source>
        <translation>الإجابة اختيارية، ولا يُذكر فيها اسمك ما لم تختر ربطها بملفك. نستعملها لتحسين الخدمة، لا لمحاسبة أحد.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="41" />
        <source>You can also answer with the number keys.</source>
        <translation>ويمكنك الإجابة بمفاتيح الأرقام أيضًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="42" />
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="43" />
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="44" />
        <source>Back</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="45" />
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="46" />
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="47" />
        <source>Skip the survey</source>
        <translation>تخطي الاستبانة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="48" />
        <source>Link my answer to my file (so the association can follow it up with me)</source>
        <translation>اربط إجابتي بملفي (لتتابعها الجمعية معي)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="50" />
        <source>Please choose how satisfied you are, or skip the survey.</source>
        <translation>اختر مدى رضاك من فضلك، أو تخطَّ الاستبانة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="52" />
        <source>Thank you</source>
        <translation>شكرًا لك</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="53" />
        <source>Your answer was received. It helps us improve the service.</source>
        <translation>وصلتنا إجابتك، وستساعدنا على تحسين الخدمة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="55" />
        <source>Thank you for your visit.</source>
        <translation>شكرًا لزيارتك.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="56" />
        <source>Back to staff</source>
        <translation>إعادة الشاشة للموظف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/survey_pages.py" line="57" />
        <source>Question %1 of %2</source>
        <translation>السؤال %1 من %2</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="19" />
        <source>Beneficiary</source>
        <translation>مستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="20" />
        <source>Application</source>
        <translation>طلب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="21" />
        <source>Contact</source>
        <translation>تواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="22" />
        <source>Declaration</source>
        <translation>إقرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="23" />
        <source>Referral</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="24" />
        <source>Satisfaction survey</source>
        <translation>استبانة رضا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="25" />
        <source>Program</source>
        <translation>برنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="29" />
        <source>First name</source>
        <translation>الاسم الأول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="30" />
        <source>Father's name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="31" />
        <source>Grandfather's name</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="32" />
        <source>Family name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="33" />
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="34" />
        <source>Identity document</source>
        <translation>نوع الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="35" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="36" />
        <source>Identity expiry</source>
        <translation>انتهاء الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="37" />
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="38" />
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="39" />
        <source>Nationality</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="40" />
        <source>Mobile</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="41" />
        <source>Other mobile</source>
        <translation>جوال آخر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="42" />
        <source>Email</source>
        <translation>البريد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="43" />
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="44" />
        <source>District</source>
        <translation>الحي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="45" />
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="46" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="47" />
        <source>Reason for the decision</source>
        <translation>سبب القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="48" />
        <source>Date of the decision</source>
        <translation>تاريخ القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="49" />
        <source>Decided by</source>
        <translation>صاحب القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="54" />
        <source>Beneficiaries</source>
        <translation>المستفيدون</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="55" />
        <source>Applications</source>
        <translation>الطلبات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="56" />
        <source>Declarations</source>
        <translation>الإقرارات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="57" />
        <source>Contacts</source>
        <translation>التواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="58" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="59" />
        <source>Programs</source>
        <translation>البرامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="60" />
        <source>Satisfaction surveys</source>
        <translation>استبانات الرضا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="61" />
        <source>Summary of the tables</source>
        <translation>ملخص الجدول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="62" />
        <source>Encrypting and signing</source>
        <translation>التشفير والتوقيع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="63" />
        <source>Writing to the disk</source>
        <translation>الكتابة على القرص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="64" />
        <source>Saving</source>
        <translation>الحفظ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="65" />
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_labels.py" line="95" />
        <source>file</source>
        <translation>ملف</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="81" />
        <source>Export a batch for the committee…</source>
        <translation>تصدير دفعة للجنة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="84" />
        <source>Import a batch…</source>
        <translation>استيراد دفعة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="86" />
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="94" />
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="94" />
        <source>Installation</source>
        <translation>الجهة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="94" />
        <source>No.</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="94" />
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="95" />
        <source>Records</source>
        <translation>سجلات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="95" />
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="95" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="95" />
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="98" />
        <source>No batch has been sent or received yet. Export a batch to send the new records to the committee, or import the batch you were handed.</source>
        <translation>لم تُرسل أو تُستقبل أي دفعة بعد. صدّر دفعة لإرسال السجلات الجديدة إلى اللجنة، أو استورد الدفعة التي سُلّمت إليك.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="100" />
        <source>Batches</source>
        <translation>سجل الدفعات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="106" />
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="106" />
        <source>Identifier</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="106" />
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="107" />
        <source>Fields that differ</source>
        <translation>الحقول المختلفة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="107" />
        <source>Here</source>
        <translation>محلياً</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="107" />
        <source>Incoming</source>
        <translation>الوارد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="108" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="112" />
        <source>No conflict to settle. A conflict appears here when a record that arrives was also changed here since the last exchange.</source>
        <translation>لا تعارضات بانتظار القرار. يظهر التعارض هنا حين يصل سجل عُدّل هنا أيضاً منذ آخر تبادل.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="114" />
        <source>Take the incoming version</source>
        <translation>اعتماد الوارد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="116" />
        <source>Keep the local version</source>
        <translation>إبقاء المحلي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="122" />
        <source>Conflicts to settle</source>
        <translation>تعارضات بانتظار القرار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="131" />
        <source>Exchange with the committee</source>
        <translation>التبادل مع لجنة البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="133" />
        <source>Batches travel on a USB stick: new records go to the research committee, and its decisions come back to the branch.</source>
        <translation>تنتقل الدفعات على ذاكرة USB: السجلات الجديدة إلى لجنة البحث، وقراراتها عائدة إلى الفرع.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="160" />
        <source>This installation has no keys yet; the administrator creates them on the Administration screen (Keys and trusted installations).</source>
        <translation>لم تُنشأ مفاتيح هذا الجهاز بعد؛ ينشئها مدير النظام من شاشة الإدارة (المفاتيح والجهات الموثوقة).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="164" />
        <source>This installation: %1 — fingerprint %2 — trusted: %3</source>
        <translation>هذا الجهاز: %1 — البصمة %2 — الجهات الموثوقة: %3</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="167" />
        <source>none yet</source>
        <translation>لا أحد بعد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="170" />
        <source>Nothing can be exchanged until the administrator trusts the other side's public key on the Administration screen (Keys and trusted installations).</source>
        <translation>لا يمكن التبادل حتى يعتمد مدير النظام المفتاح العام للجهة الأخرى من شاشة الإدارة (المفاتيح والجهات الموثوقة).</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="174" />
        <source>Kept aside until an earlier batch arrives: %1</source>
        <translation>دفعات محفوظة بانتظار دفعة سابقة: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="191" />
        <source>Sent</source>
        <translation>صادرة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="191" />
        <source>Received</source>
        <translation>واردة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="192" />
        <source>Decisions</source>
        <translation>قرارات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="193" />
        <source>Records</source>
        <comment>the kind of a batch</comment>
        <translation>سجلات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="194" />
        <source>Done</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="195" />
        <source>Pending: the next export finishes it</source>
        <translation>معلّقة: يكملها التصدير التالي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="198" />
        <source>(after a batch that has not arrived)</source>
        <translation>(قبلها دفعة لم تصل)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="239" />
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="240" />
        <source>Passphrase of this installation's keys:</source>
        <translation>عبارة مرور مفاتيح هذا الجهاز:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="247" />
        <source>Choose the folder to save the batch in (a USB stick, say)</source>
        <translation>اختر مجلد الحفظ (مثل ذاكرة USB)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="250" />
        <source>Unlocking the keys…</source>
        <translation>فتح المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="255" />
        <source>Exporting the batch…</source>
        <translation>جارٍ تصدير الدفعة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="264" />
        <source>Nothing changed since the last batch; no file was written.</source>
        <translation>لا جديد منذ آخر دفعة؛ لم يُكتب ملف.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="266" />
        <source>%1 (records: %2)</source>
        <translation>%1 (السجلات: %2)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="268" />
        <source>Written: %1</source>
        <translation>كُتبت الدفعة: %1</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="269" />
        <source>Exported</source>
        <translation>تم التصدير</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="270" />
        <source>Save the file and hand it to the research committee:</source>
        <translation>احفظ الملف وسلّمه للجنة البحث:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="279" />
        <source>Choose the batch file</source>
        <translation>اختر ملف الدفعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="279" />
        <source>Makarem batches (*.mkb)</source>
        <translation>دفعات مكتب مكارم (*.mkb)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="287" />
        <source>Unlocking the keys and checking the signature…</source>
        <translation>فتح المفاتيح والتحقق من التوقيع…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="294" />
        <source>Importing the batch…</source>
        <translation>جارٍ استيراد الدفعة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="302" />
        <source>Batch %1 from %2 was already imported; nothing changed.</source>
        <translation>الدفعة %1 من %2 مستوردة من قبل؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="305" />
        <source>Imported batch %1 from %2: %3 new, %4 updated, %5 conflicts.</source>
        <translation>استُوردت الدفعة %1 من %2: %3 جديد، %4 محدّث، %5 تعارض.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="312" />
        <source>Batches kept aside were imported with it: %1.</source>
        <translation>واستُوردت معها الدفعات المحفوظة جانباً: %1.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="330" />
        <source>An earlier batch is missing</source>
        <translation>دفعة سابقة لم تصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="331" />
        <source>Batch %1 has not arrived. Import this one now and record the gap?</source>
        <translation>لم تصل الدفعة %1 بعد. استيراد هذه الدفعة الآن وتسجيل النقص؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="359" />
        <source>Replace the local version with the incoming one?</source>
        <translation>اعتماد النسخة الواردة بدل المحلية؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="360" />
        <source>Keep the local version?</source>
        <translation>إبقاء النسخة المحلية؟</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/sync_view.py" line="361" />
        <source>Settle the conflict</source>
        <translation>حل التعارض</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../makarem_desk/ui/tasks.py" line="285" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="21" />
        <source>Interviews waiting</source>
        <translation>مقابلات في الانتظار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="22" />
        <source>Interviews in progress</source>
        <translation>مقابلات جارية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="23" />
        <source>With the research committee</source>
        <translation>لدى لجنة البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="24" />
        <source>Committee answer overdue</source>
        <translation>تأخر رد اللجنة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="25" />
        <source>Open referrals</source>
        <translation>إحالات مفتوحة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="26" />
        <source>Incomplete registrations</source>
        <translation>تسجيلات غير مكتملة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="31" />
        <source>Reference</source>
        <translation>الرقم المرجعي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="31" />
        <location filename="../../makarem_desk/ui/today_view.py" line="36" />
        <source>Beneficiary</source>
        <translation>المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="31" />
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="32" />
        <source>Days left</source>
        <translation>الأيام المتبقية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="34" />
        <source>Days late</source>
        <translation>أيام التأخير</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="36" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="37" />
        <source>No application is past its answer date.</source>
        <translation>لا طلبات تجاوزت موعد الرد.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="39" />
        <source>No application is waiting for the research committee.</source>
        <translation>لا طلبات بانتظار لجنة البحث.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="41" />
        <source>No application is waiting for missing items.</source>
        <translation>لا طلبات بانتظار استكمال النواقص.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="43" />
        <source>No referral is waiting for the social-research officer.</source>
        <translation>لا إحالات بانتظار مسؤول البحث الاجتماعي.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="45" />
        <source>Overdue</source>
        <translation>متأخرة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="46" />
        <source>With the committee</source>
        <translation>لدى اللجنة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="47" />
        <source>Incomplete</source>
        <translation>غير مكتملة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="48" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="59" />
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="50" />
        <location filename="../../makarem_desk/ui/admin_users.py" line="94" />
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="50" />
        <location filename="../../makarem_desk/ui/admin_users.py" line="95" />
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="50" />
        <location filename="../../makarem_desk/ui/admin_users.py" line="71" />
        <location filename="../../makarem_desk/ui/admin_users.py" line="96" />
        <source>Role</source>
        <translation>الصلاحية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="51" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="51" />
        <source>Last sign-in</source>
        <translation>آخر دخول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="53" />
        <source>No user yet: add one with Add user.</source>
        <translation>لا مستخدمين بعد: أضف مستخدمًا بزر «إضافة مستخدم».</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="61" />
        <location filename="../../makarem_desk/ui/admin_users.py" line="161" />
        <source>Select a user in the list.</source>
        <translation>اختر مستخدمًا من القائمة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="64" />
        <source>Change role</source>
        <translation>تغيير الصلاحية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="66" />
        <source>Reset password…</source>
        <translation>إعادة تعيين كلمة المرور…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="68" />
        <location filename="../../makarem_desk/ui/admin_users.py" line="167" />
        <location filename="../../makarem_desk/ui/admin_users.py" line="242" />
        <source>Disable</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="89" />
        <source>Add user</source>
        <translation>إضافة مستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="92" />
        <source>New user</source>
        <translation>مستخدم جديد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="97" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="98" />
        <source>Repeat the password</source>
        <translation>تأكيد كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="119" />
        <source>A user who leaves is disabled, never deleted: their name stays on what they recorded. The last active administrator cannot be disabled or demoted.</source>
        <translation>يُوقف حساب الموظف الذي يغادر ولا يُحذف، ليبقى اسمه على ما سجّله. لا يمكن إيقاف آخر مدير نظام نشط ولا تغيير صلاحيته.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="135" />
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="135" />
        <source>Disabled</source>
        <translation>موقوف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="163" />
        <source>Selected: %1 (%2)</source>
        <translation>المحدد: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="167" />
        <source>Enable</source>
        <translation>تفعيل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="182" />
        <location filename="../../makarem_desk/ui/admin_users.py" line="227" />
        <source>The two passwords differ.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="198" />
        <source>The user %1 was added.</source>
        <translation>أُضيف المستخدم %1.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="206" />
        <source>%1 already has this role.</source>
        <translation>لدى %1 هذه الصلاحية من قبل.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="215" />
        <source>%1 is now: %2</source>
        <translation>صلاحية %1 الآن: %2</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="222" />
        <source>Reset password</source>
        <translation>إعادة تعيين كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="226" />
        <source>New password for %1:</source>
        <translation>كلمة المرور الجديدة للمستخدم %1:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="227" />
        <source>Type the new password again:</source>
        <translation>اكتب كلمة المرور الجديدة مرة أخرى:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="234" />
        <source>The password of %1 was reset; give it to them in person.</source>
        <translation>أُعيد تعيين كلمة مرور %1؛ سلّمها له شخصيًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="243" />
        <source>Disable %1? They will no longer be able to sign in.</source>
        <translation>إيقاف حساب %1؟ لن يتمكن من تسجيل الدخول بعد ذلك.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="252" />
        <source>%1 was enabled.</source>
        <translation>فُعّل حساب %1.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/admin_users.py" line="253" />
        <source>%1 was disabled.</source>
        <translation>أُوقف حساب %1.</translation>
    </message>
</context>
<context>
    <name>_WithDocument</name>
    <message>
        <location filename="../../makarem_desk/ui/interview_steps.py" line="100" />
        <location filename="../../makarem_desk/ui/interview_steps.py" line="110" />
        <source>Preparing the document…</source>
        <translation>جارٍ تجهيز المستند…</translation>
    </message>
</context>
</TS>