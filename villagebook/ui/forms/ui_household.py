# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QToolButton, QVBoxLayout, QWidget)

from villagebook.ui.member_table import MemberTableView

class Ui_HouseholdForm(object):
    def setupUi(self, HouseholdForm):
        if not HouseholdForm.objectName():
            HouseholdForm.setObjectName(u"HouseholdForm")
        HouseholdForm.resize(1100, 680)
        self.mainLayout = QVBoxLayout(HouseholdForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(HouseholdForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.stateLabel = QLabel(HouseholdForm)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.stateLabel)

        self.tabs = QTabWidget(HouseholdForm)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicLayout = QHBoxLayout(self.basicTab)
        self.basicLayout.setObjectName(u"basicLayout")
        self.householdGroup = QGroupBox(self.basicTab)
        self.householdGroup.setObjectName(u"householdGroup")
        self.householdFormLayout = QFormLayout(self.householdGroup)
        self.householdFormLayout.setObjectName(u"householdFormLayout")
        self.numberLabel = QLabel(self.householdGroup)
        self.numberLabel.setObjectName(u"numberLabel")

        self.householdFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(self.householdGroup)
        self.numberEdit.setObjectName(u"numberEdit")

        self.householdFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.group_nameLabel = QLabel(self.householdGroup)
        self.group_nameLabel.setObjectName(u"group_nameLabel")

        self.householdFormLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.group_nameLabel)

        self.group_nameEdit = QLineEdit(self.householdGroup)
        self.group_nameEdit.setObjectName(u"group_nameEdit")

        self.householdFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.group_nameEdit)

        self.addressLabel = QLabel(self.householdGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.householdFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.householdGroup)
        self.addressEdit.setObjectName(u"addressEdit")

        self.householdFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(self.householdGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.householdFormLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.householdGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.householdFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.categoryLabel = QLabel(self.householdGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.householdFormLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryEdit = QComboBox(self.householdGroup)
        self.categoryEdit.setObjectName(u"categoryEdit")

        self.householdFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.categoryEdit)

        self.ident_standardLabel = QLabel(self.householdGroup)
        self.ident_standardLabel.setObjectName(u"ident_standardLabel")

        self.householdFormLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ident_standardLabel)

        self.ident_standardEdit = QComboBox(self.householdGroup)
        self.ident_standardEdit.setObjectName(u"ident_standardEdit")

        self.householdFormLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ident_standardEdit)

        self.poverty_attrLabel = QLabel(self.householdGroup)
        self.poverty_attrLabel.setObjectName(u"poverty_attrLabel")

        self.householdFormLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.poverty_attrLabel)

        self.poverty_attrEdit = QComboBox(self.householdGroup)
        self.poverty_attrEdit.setObjectName(u"poverty_attrEdit")

        self.householdFormLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.poverty_attrEdit)

        self.ident_yearLabel = QLabel(self.householdGroup)
        self.ident_yearLabel.setObjectName(u"ident_yearLabel")

        self.householdFormLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.ident_yearLabel)

        self.ident_yearEdit = QLineEdit(self.householdGroup)
        self.ident_yearEdit.setObjectName(u"ident_yearEdit")

        self.householdFormLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.ident_yearEdit)

        self.poverty_statusLabel = QLabel(self.householdGroup)
        self.poverty_statusLabel.setObjectName(u"poverty_statusLabel")

        self.householdFormLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.poverty_statusLabel)

        self.poverty_statusEdit = QComboBox(self.householdGroup)
        self.poverty_statusEdit.setObjectName(u"poverty_statusEdit")

        self.householdFormLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.poverty_statusEdit)

        self.exit_yearLabel = QLabel(self.householdGroup)
        self.exit_yearLabel.setObjectName(u"exit_yearLabel")

        self.householdFormLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.exit_yearLabel)

        self.exit_yearEdit = QLineEdit(self.householdGroup)
        self.exit_yearEdit.setObjectName(u"exit_yearEdit")

        self.householdFormLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.exit_yearEdit)

        self.main_causeLabel = QLabel(self.householdGroup)
        self.main_causeLabel.setObjectName(u"main_causeLabel")

        self.householdFormLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.main_causeLabel)

        self.main_causeEdit = QComboBox(self.householdGroup)
        self.main_causeEdit.setObjectName(u"main_causeEdit")

        self.householdFormLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.main_causeEdit)

        self.other_causesLabel = QLabel(self.householdGroup)
        self.other_causesLabel.setObjectName(u"other_causesLabel")

        self.householdFormLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.other_causesLabel)

        self.other_causesEdit = QToolButton(self.householdGroup)
        self.other_causesEdit.setObjectName(u"other_causesEdit")
        self.other_causesEdit.setPopupMode(QToolButton.InstantPopup)
        self.other_causesEdit.setToolButtonStyle(Qt.ToolButtonTextOnly)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.other_causesEdit.sizePolicy().hasHeightForWidth())
        self.other_causesEdit.setSizePolicy(sizePolicy)

        self.householdFormLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.other_causesEdit)

        self.no_laborLabel = QLabel(self.householdGroup)
        self.no_laborLabel.setObjectName(u"no_laborLabel")

        self.householdFormLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.no_laborLabel)

        self.no_laborEdit = QComboBox(self.householdGroup)
        self.no_laborEdit.setObjectName(u"no_laborEdit")

        self.householdFormLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.no_laborEdit)


        self.basicLayout.addWidget(self.householdGroup)

        self.livingGroup = QGroupBox(self.basicTab)
        self.livingGroup.setObjectName(u"livingGroup")
        self.livingFormLayout = QFormLayout(self.livingGroup)
        self.livingFormLayout.setObjectName(u"livingFormLayout")
        self.housing_gradeLabel = QLabel(self.livingGroup)
        self.housing_gradeLabel.setObjectName(u"housing_gradeLabel")

        self.livingFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.housing_gradeLabel)

        self.housing_gradeEdit = QComboBox(self.livingGroup)
        self.housing_gradeEdit.setObjectName(u"housing_gradeEdit")

        self.livingFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.housing_gradeEdit)

        self.housing_renovated_yearLabel = QLabel(self.livingGroup)
        self.housing_renovated_yearLabel.setObjectName(u"housing_renovated_yearLabel")

        self.livingFormLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.housing_renovated_yearLabel)

        self.housing_renovated_yearEdit = QLineEdit(self.livingGroup)
        self.housing_renovated_yearEdit.setObjectName(u"housing_renovated_yearEdit")

        self.livingFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.housing_renovated_yearEdit)

        self.housing_renovation_amountLabel = QLabel(self.livingGroup)
        self.housing_renovation_amountLabel.setObjectName(u"housing_renovation_amountLabel")

        self.livingFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.housing_renovation_amountLabel)

        self.housing_renovation_amountEdit = QLineEdit(self.livingGroup)
        self.housing_renovation_amountEdit.setObjectName(u"housing_renovation_amountEdit")

        self.livingFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.housing_renovation_amountEdit)

        self.water_safeLabel = QLabel(self.livingGroup)
        self.water_safeLabel.setObjectName(u"water_safeLabel")

        self.livingFormLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.water_safeLabel)

        self.water_safeEdit = QComboBox(self.livingGroup)
        self.water_safeEdit.setObjectName(u"water_safeEdit")

        self.livingFormLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.water_safeEdit)

        self.electricityLabel = QLabel(self.livingGroup)
        self.electricityLabel.setObjectName(u"electricityLabel")

        self.livingFormLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.electricityLabel)

        self.electricityEdit = QComboBox(self.livingGroup)
        self.electricityEdit.setObjectName(u"electricityEdit")

        self.livingFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.electricityEdit)

        self.roadLabel = QLabel(self.livingGroup)
        self.roadLabel.setObjectName(u"roadLabel")

        self.livingFormLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.roadLabel)

        self.roadEdit = QComboBox(self.livingGroup)
        self.roadEdit.setObjectName(u"roadEdit")

        self.livingFormLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.roadEdit)

        self.arable_land_muLabel = QLabel(self.livingGroup)
        self.arable_land_muLabel.setObjectName(u"arable_land_muLabel")

        self.livingFormLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.arable_land_muLabel)

        self.arable_land_muEdit = QLineEdit(self.livingGroup)
        self.arable_land_muEdit.setObjectName(u"arable_land_muEdit")

        self.livingFormLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.arable_land_muEdit)

        self.forest_land_muLabel = QLabel(self.livingGroup)
        self.forest_land_muLabel.setObjectName(u"forest_land_muLabel")

        self.livingFormLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.forest_land_muLabel)

        self.forest_land_muEdit = QLineEdit(self.livingGroup)
        self.forest_land_muEdit.setObjectName(u"forest_land_muEdit")

        self.livingFormLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.forest_land_muEdit)

        self.relocatedLabel = QLabel(self.livingGroup)
        self.relocatedLabel.setObjectName(u"relocatedLabel")

        self.livingFormLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.relocatedLabel)

        self.relocatedEdit = QComboBox(self.livingGroup)
        self.relocatedEdit.setObjectName(u"relocatedEdit")

        self.livingFormLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.relocatedEdit)

        self.relocation_siteLabel = QLabel(self.livingGroup)
        self.relocation_siteLabel.setObjectName(u"relocation_siteLabel")

        self.livingFormLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.relocation_siteLabel)

        self.relocation_siteEdit = QLineEdit(self.livingGroup)
        self.relocation_siteEdit.setObjectName(u"relocation_siteEdit")

        self.livingFormLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.relocation_siteEdit)

        self.coop_memberLabel = QLabel(self.livingGroup)
        self.coop_memberLabel.setObjectName(u"coop_memberLabel")

        self.livingFormLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.coop_memberLabel)

        self.coop_memberEdit = QComboBox(self.livingGroup)
        self.coop_memberEdit.setObjectName(u"coop_memberEdit")

        self.livingFormLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.coop_memberEdit)

        self.noteLabel = QLabel(self.livingGroup)
        self.noteLabel.setObjectName(u"noteLabel")

        self.livingFormLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(self.livingGroup)
        self.noteEdit.setObjectName(u"noteEdit")

        self.livingFormLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.basicLayout.addWidget(self.livingGroup)

        self.tabs.addTab(self.basicTab, "")
        self.membersTab = QWidget()
        self.membersTab.setObjectName(u"membersTab")
        self.membersLayout = QVBoxLayout(self.membersTab)
        self.membersLayout.setObjectName(u"membersLayout")
        self.memberTable = MemberTableView(self.membersTab)
        self.memberTable.setObjectName(u"memberTable")
        self.memberTable.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.memberTable.setSelectionMode(QAbstractItemView.SingleSelection)

        self.membersLayout.addWidget(self.memberTable)

        self.memberButtons = QHBoxLayout()
        self.memberButtons.setObjectName(u"memberButtons")
        self.addMemberButton = QPushButton(self.membersTab)
        self.addMemberButton.setObjectName(u"addMemberButton")

        self.memberButtons.addWidget(self.addMemberButton)

        self.memberLeaveButton = QPushButton(self.membersTab)
        self.memberLeaveButton.setObjectName(u"memberLeaveButton")

        self.memberButtons.addWidget(self.memberLeaveButton)

        self.memberRestoreButton = QPushButton(self.membersTab)
        self.memberRestoreButton.setObjectName(u"memberRestoreButton")

        self.memberButtons.addWidget(self.memberRestoreButton)

        self.showLeftCheck = QCheckBox(self.membersTab)
        self.showLeftCheck.setObjectName(u"showLeftCheck")

        self.memberButtons.addWidget(self.showLeftCheck)

        self.memberSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.memberButtons.addItem(self.memberSpacer)


        self.membersLayout.addLayout(self.memberButtons)

        self.tabs.addTab(self.membersTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTable = QTableView(self.historyTab)
        self.historyTable.setObjectName(u"historyTable")

        self.historyLayout.addWidget(self.historyTable)

        self.tabs.addTab(self.historyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.issueList = QListWidget(HouseholdForm)
        self.issueList.setObjectName(u"issueList")
        self.issueList.setMaximumSize(QSize(16777215, 110))

        self.mainLayout.addWidget(self.issueList)

        self.bottomButtons = QHBoxLayout()
        self.bottomButtons.setObjectName(u"bottomButtons")
        self.closeHouseholdButton = QPushButton(HouseholdForm)
        self.closeHouseholdButton.setObjectName(u"closeHouseholdButton")

        self.bottomButtons.addWidget(self.closeHouseholdButton)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomButtons.addItem(self.bottomSpacer)

        self.saveButton = QPushButton(HouseholdForm)
        self.saveButton.setObjectName(u"saveButton")

        self.bottomButtons.addWidget(self.saveButton)

        self.closeButton = QPushButton(HouseholdForm)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomButtons.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.bottomButtons)

        QWidget.setTabOrder(self.numberEdit, self.group_nameEdit)
        QWidget.setTabOrder(self.group_nameEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.categoryEdit)
        QWidget.setTabOrder(self.categoryEdit, self.ident_standardEdit)
        QWidget.setTabOrder(self.ident_standardEdit, self.poverty_attrEdit)
        QWidget.setTabOrder(self.poverty_attrEdit, self.ident_yearEdit)
        QWidget.setTabOrder(self.ident_yearEdit, self.poverty_statusEdit)
        QWidget.setTabOrder(self.poverty_statusEdit, self.exit_yearEdit)
        QWidget.setTabOrder(self.exit_yearEdit, self.main_causeEdit)
        QWidget.setTabOrder(self.main_causeEdit, self.other_causesEdit)
        QWidget.setTabOrder(self.other_causesEdit, self.no_laborEdit)
        QWidget.setTabOrder(self.no_laborEdit, self.housing_gradeEdit)
        QWidget.setTabOrder(self.housing_gradeEdit, self.housing_renovated_yearEdit)
        QWidget.setTabOrder(self.housing_renovated_yearEdit, self.housing_renovation_amountEdit)
        QWidget.setTabOrder(self.housing_renovation_amountEdit, self.water_safeEdit)
        QWidget.setTabOrder(self.water_safeEdit, self.electricityEdit)
        QWidget.setTabOrder(self.electricityEdit, self.roadEdit)
        QWidget.setTabOrder(self.roadEdit, self.arable_land_muEdit)
        QWidget.setTabOrder(self.arable_land_muEdit, self.forest_land_muEdit)
        QWidget.setTabOrder(self.forest_land_muEdit, self.relocatedEdit)
        QWidget.setTabOrder(self.relocatedEdit, self.relocation_siteEdit)
        QWidget.setTabOrder(self.relocation_siteEdit, self.coop_memberEdit)
        QWidget.setTabOrder(self.coop_memberEdit, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.tabs)
        QWidget.setTabOrder(self.tabs, self.memberTable)
        QWidget.setTabOrder(self.memberTable, self.addMemberButton)
        QWidget.setTabOrder(self.addMemberButton, self.saveButton)

        self.retranslateUi(HouseholdForm)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(HouseholdForm)
    # setupUi

    def retranslateUi(self, HouseholdForm):
        HouseholdForm.setWindowTitle(QCoreApplication.translate("HouseholdForm", u"Household", None))
        self.titleLabel.setText(QCoreApplication.translate("HouseholdForm", u"New household", None))
        self.stateLabel.setText("")
        self.householdGroup.setTitle(QCoreApplication.translate("HouseholdForm", u"Household", None))
        self.numberLabel.setText(QCoreApplication.translate("HouseholdForm", u"Household no.", None))
        self.group_nameLabel.setText(QCoreApplication.translate("HouseholdForm", u"Group (hamlet)", None))
        self.addressLabel.setText(QCoreApplication.translate("HouseholdForm", u"Address", None))
        self.phoneLabel.setText(QCoreApplication.translate("HouseholdForm", u"Phone", None))
        self.categoryLabel.setText(QCoreApplication.translate("HouseholdForm", u"Category", None))
        self.ident_standardLabel.setText(QCoreApplication.translate("HouseholdForm", u"Identification standard", None))
        self.poverty_attrLabel.setText(QCoreApplication.translate("HouseholdForm", u"Poverty type", None))
        self.ident_yearLabel.setText(QCoreApplication.translate("HouseholdForm", u"Year identified", None))
        self.poverty_statusLabel.setText(QCoreApplication.translate("HouseholdForm", u"Poverty status", None))
        self.exit_yearLabel.setText(QCoreApplication.translate("HouseholdForm", u"Year out of poverty", None))
        self.main_causeLabel.setText(QCoreApplication.translate("HouseholdForm", u"Main cause", None))
        self.other_causesLabel.setText(QCoreApplication.translate("HouseholdForm", u"Other causes", None))
        self.no_laborLabel.setText(QCoreApplication.translate("HouseholdForm", u"No able worker in household", None))
        self.livingGroup.setTitle(QCoreApplication.translate("HouseholdForm", u"Housing and living conditions", None))
        self.housing_gradeLabel.setText(QCoreApplication.translate("HouseholdForm", u"Housing safety grade", None))
        self.housing_renovated_yearLabel.setText(QCoreApplication.translate("HouseholdForm", u"Renovation year", None))
        self.housing_renovation_amountLabel.setText(QCoreApplication.translate("HouseholdForm", u"Renovation subsidy (yuan)", None))
        self.water_safeLabel.setText(QCoreApplication.translate("HouseholdForm", u"Safe drinking water", None))
        self.electricityLabel.setText(QCoreApplication.translate("HouseholdForm", u"Household electricity", None))
        self.roadLabel.setText(QCoreApplication.translate("HouseholdForm", u"Road to the door", None))
        self.arable_land_muLabel.setText(QCoreApplication.translate("HouseholdForm", u"Arable land (mu)", None))
        self.forest_land_muLabel.setText(QCoreApplication.translate("HouseholdForm", u"Forest land (mu)", None))
        self.relocatedLabel.setText(QCoreApplication.translate("HouseholdForm", u"Relocated", None))
        self.relocation_siteLabel.setText(QCoreApplication.translate("HouseholdForm", u"Resettlement site", None))
        self.coop_memberLabel.setText(QCoreApplication.translate("HouseholdForm", u"Cooperative member", None))
        self.noteLabel.setText(QCoreApplication.translate("HouseholdForm", u"Note", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("HouseholdForm", u"Basic information", None))
        self.addMemberButton.setText(QCoreApplication.translate("HouseholdForm", u"Add member", None))
        self.memberLeaveButton.setText(QCoreApplication.translate("HouseholdForm", u"Member leaves\u2026", None))
        self.memberRestoreButton.setText(QCoreApplication.translate("HouseholdForm", u"Restore member", None))
        self.showLeftCheck.setText(QCoreApplication.translate("HouseholdForm", u"Show members who left", None))
        self.tabs.setTabText(self.tabs.indexOf(self.membersTab), QCoreApplication.translate("HouseholdForm", u"Members", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("HouseholdForm", u"Change history", None))
        self.closeHouseholdButton.setText(QCoreApplication.translate("HouseholdForm", u"Close household\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("HouseholdForm", u"Save", None))
        self.closeButton.setText(QCoreApplication.translate("HouseholdForm", u"Close", None))
    # retranslateUi

