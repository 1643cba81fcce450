<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../makarem_desk/ui/dialogs.py" line="38" />
        <source>Cannot continue</source>
        <translation>تعذّر الإكمال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/dialogs.py" line="51" />
        <source>An unexpected error occurred. What you entered is kept; please try again, and tell the administrator if it happens again.</source>
        <translation>حدث خطأ غير متوقع. ما أدخلته محفوظ؛ حاول مرة أخرى، وأبلغ مدير النظام إن تكرر.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="33" />
        <source>Interview in progress</source>
        <translation>المقابلة جارية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="34" />
        <source>Incomplete — items missing</source>
        <translation>غير مكتمل — نواقص</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="35" />
        <source>With the research committee</source>
        <translation>لدى لجنة البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="36" />
        <source>Accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="37" />
        <source>Rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="38" />
        <source>Not eligible</source>
        <translation>غير مستوفٍ للشروط</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="39" />
        <source>Withdrawn</source>
        <translation>مسحوب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="45" />
        <source>Interview</source>
        <translation>المقابلة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="46" />
        <source>Phone call</source>
        <translation>اتصال هاتفي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="47" />
        <source>Social media</source>
        <translation>وسائل التواصل الاجتماعي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="48" />
        <source>Letter</source>
        <translation>خطاب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="49" />
        <source>Assistance request</source>
        <translation>طلب مساعدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="50" />
        <source>Volunteering</source>
        <translation>التطوع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="51" />
        <source>Website</source>
        <translation>الموقع الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="57" />
        <source>National ID</source>
        <translation>الهوية الوطنية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="58" />
        <source>Iqama</source>
        <translation>الإقامة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="59" />
        <source>Passport</source>
        <translation>جواز السفر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="60" />
        <source>No identity document</source>
        <translation>بدون هوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="65" />
        <source>Open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="65" />
        <source>Answered</source>
        <translation>تم الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="66" />
        <source>Closed</source>
        <translation>مغلقة</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../makarem_desk/ui/login_view.py" line="34" />
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="43" />
        <location filename="../../makarem_desk/ui/main_window.py" line="65" />
        <source>Makarem Desk</source>
        <translation>مكتب مكارم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="71" />
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="79" />
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="81" />
        <source>Beneficiary profile</source>
        <translation>ملف المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="89" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="95" />
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="110" />
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="133" />
        <source>New interview</source>
        <translation>مقابلة جديدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="134" />
        <source>New contact</source>
        <translation>تواصل جديد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="152" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="153" />
        <source>Exchange with the committee</source>
        <translation>التبادل مع لجنة البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main_window.py" line="154" />
        <source>Committee decisions</source>
        <translation>قرارات اللجنة</translation>
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
        <location filename="../../makarem_desk/ui/preview.py" line="131" />
        <location filename="../../makarem_desk/ui/preview.py" line="146" />
        <source>Printing…</source>
        <translation>جارٍ الطباعة…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="136" />
        <source>Sent to the printer.</source>
        <translation>أُرسل إلى الطابعة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="151" />
        <source>Save as PDF</source>
        <translation>حفظ بصيغة PDF</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/preview.py" line="160" />
        <source>Saved: %1</source>
        <translation>حُفظ في: %1</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="85" />
        <source>Beneficiary profile</source>
        <translation>ملف المستفيد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="86" />
        <source>Find a beneficiary with Search (Ctrl+F) to see their file.</source>
        <translation>ابحث عن المستفيد من شاشة البحث (Ctrl+F) لعرض ملفه.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="90" />
        <location filename="../../makarem_desk/ui/profile_view.py" line="96" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="90" />
        <source>Channel</source>
        <translation>قناة التواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="90" />
        <source>Purpose</source>
        <translation>الغرض</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="91" />
        <source>Staff</source>
        <translation>الموظف</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="92" />
        <location filename="../../makarem_desk/ui/profile_view.py" line="94" />
        <source>Reference</source>
        <translation>الرقم المرجعي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="92" />
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="92" />
        <location filename="../../makarem_desk/ui/profile_view.py" line="96" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="93" />
        <source>Answer due</source>
        <translation>موعد الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="94" />
        <source>Signed</source>
        <translation>تاريخ التوقيع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="95" />
        <source>Printed</source>
        <translation>تاريخ الطباعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="96" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="97" />
        <source>Answer</source>
        <translation>الرد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="98" />
        <source>Show and reprint</source>
        <translation>عرض وإعادة الطباعة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="110" />
        <source>Data</source>
        <translation>البيانات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="111" />
        <source>Contacts</source>
        <translation>التواصل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="112" />
        <source>Applications</source>
        <translation>الطلبات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="113" />
        <source>Declarations</source>
        <translation>الإقرارات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="114" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="150" />
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="150" />
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="152" />
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="153" />
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="154" />
        <source>Identity document</source>
        <translation>وثيقة الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="155" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="156" />
        <source>Identity expiry</source>
        <translation>تاريخ انتهاء الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="157" />
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="158" />
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="159" />
        <source>Phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="160" />
        <source>Other phone</source>
        <translation>جوال آخر</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="161" />
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="162" />
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="163" />
        <source>District</source>
        <translation>الحي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/profile_view.py" line="164" />
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="29" />
        <source>Identity number, phone or name…</source>
        <translation>رقم الهوية أو الجوال أو الاسم…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="37" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="37" />
        <source>Identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="37" />
        <source>Phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="38" />
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="38" />
        <source>Found by</source>
        <translation>طريقة المطابقة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="44" />
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="45" />
        <source>Names are matched whatever the spelling of hamza, taa marbuta or compound names.</source>
        <translation>تُطابق الأسماء مهما اختلفت كتابة الهمزة أو التاء المربوطة أو الأسماء المركبة.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="67" />
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="83" />
        <source>identity number</source>
        <translation>رقم الهوية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="83" />
        <source>phone</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/search_view.py" line="84" />
        <source>name</source>
        <translation>الاسم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../makarem_desk/ui/search_view.py" line="91" />
        <source>%n result(s)</source>
        <translation><numerusform>لا نتائج</numerusform><numerusform>نتيجة واحدة</numerusform><numerusform>نتيجتان</numerusform><numerusform>%n نتائج</numerusform><numerusform>%n نتيجة</numerusform><numerusform>%n نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="53" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="61" />
        <source>Language of the interface</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="62" />
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="69" />
        <source>Change my password</source>
        <translation>تغيير كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="71" />
        <source>My password</source>
        <translation>كلمة المرور الخاصة بي</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="73" />
        <source>Current password</source>
        <translation>كلمة المرور الحالية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="74" />
        <source>New password</source>
        <translation>كلمة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="78" />
        <location filename="../../makarem_desk/ui/settings_view.py" line="112" />
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="78" />
        <location filename="../../makarem_desk/ui/settings_view.py" line="113" />
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="78" />
        <location filename="../../makarem_desk/ui/settings_view.py" line="114" />
        <source>Role</source>
        <translation>الصلاحية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="79" />
        <source>Active</source>
        <translation>مفعّل</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="96" />
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="105" />
        <source>Add user</source>
        <translation>إضافة مستخدم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="107" />
        <source>Reset password of the selected user…</source>
        <translation>إعادة تعيين كلمة مرور المستخدم المحدد…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="109" />
        <source>Enable / disable the selected user</source>
        <translation>تفعيل / إيقاف المستخدم المحدد</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="115" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="129" />
        <source>Association</source>
        <translation>الجمعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="134" />
        <source>No logo</source>
        <translation>لا يوجد شعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="137" />
        <source>Choose logo (PNG)…</source>
        <translation>اختيار الشعار (PNG)…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="139" />
        <source>Save the association's details</source>
        <translation>حفظ بيانات الجمعية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="144" />
        <source>Site code</source>
        <translation>رمز الموقع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="145" />
        <source>Association name (Arabic)</source>
        <translation>اسم الجمعية بالعربية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="146" />
        <source>Association name (English)</source>
        <translation>اسم الجمعية بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="150" />
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="166" />
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="166" />
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="195" />
        <source>Your password was changed.</source>
        <translation>تم تغيير كلمة المرور.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="209" />
        <source>The user was added.</source>
        <translation>تمت إضافة المستخدم.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="223" />
        <source>Reset password</source>
        <translation>إعادة تعيين كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="224" />
        <source>New password for %1:</source>
        <translation>كلمة المرور الجديدة للمستخدم %1:</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="232" />
        <source>The password was reset.</source>
        <translation>تمت إعادة تعيين كلمة المرور.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="246" />
        <source>Choose the logo</source>
        <translation>اختيار الشعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/settings_view.py" line="260" />
        <source>The association's details were saved.</source>
        <translation>تم حفظ بيانات الجمعية.</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="33" />
        <source>Welcome — set up this counter</source>
        <translation>مرحبًا — إعداد هذا المكتب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="35" />
        <source>These details appear on every printed document. The administrator can change the names and logo later.</source>
        <translation>تظهر هذه البيانات في كل مستند مطبوع، ويمكن لمدير النظام تعديل الأسماء والشعار لاحقًا.</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="52" />
        <source>No logo</source>
        <translation>لا يوجد شعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="56" />
        <source>Choose logo (PNG)…</source>
        <translation>اختيار الشعار (PNG)…</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="63" />
        <source>Association name (Arabic)</source>
        <translation>اسم الجمعية بالعربية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="64" />
        <source>Association name (English)</source>
        <translation>اسم الجمعية بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="65" />
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="66" />
        <source>Site code of this counter</source>
        <translation>رمز موقع هذا المكتب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="67" />
        <source>Branch name</source>
        <translation>اسم الفرع</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="68" />
        <source>Administrator's full name</source>
        <translation>الاسم الكامل لمدير النظام</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="69" />
        <source>Administrator's user name</source>
        <translation>اسم المستخدم لمدير النظام</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="70" />
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="71" />
        <source>Repeat the password</source>
        <translation>تأكيد كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="76" />
        <source>Save and start</source>
        <translation>حفظ والبدء</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="90" />
        <source>Choose the logo</source>
        <translation>اختيار الشعار</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/setup_view.py" line="107" />
        <source>The two passwords differ.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../makarem_desk/ui/main.py" line="57" />
        <source>Makarem Desk</source>
        <translation>مكتب مكارم</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/main.py" line="59" />
        <source>Makarem Desk — starting…</source>
        <translation>مكتب مكارم — جارٍ التشغيل…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../makarem_desk/ui/tasks.py" line="119" />
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
        <location filename="../../makarem_desk/ui/today_view.py" line="36" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="38" />
        <source>Overdue</source>
        <translation>متأخرة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="39" />
        <source>With the committee</source>
        <translation>لدى اللجنة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="40" />
        <source>Incomplete</source>
        <translation>غير مكتملة</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="41" />
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <location filename="../../makarem_desk/ui/today_view.py" line="47" />
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
</context>
</TS>