//! Every label in English and Korean: one key enum and two tables.
//!
//! The tables are `match`es without a catch-all arm, so a key missing from either language is a
//! compile error. Names AWS does not translate (EC2, gp3, instance types) stay as they are.

/// A display language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    /// The language for a BCP 47 tag such as `navigator.language` (`ko-KR` → Korean).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// The tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The default region for people using this language: Seoul for Korean.
    pub fn default_region(self) -> &'static str {
        match self {
            Lang::En => "us-east-1",
            Lang::Ko => "ap-northeast-2",
        }
    }

    /// The text of a key in this language.
    pub fn t(self, key: Key) -> &'static str {
        match self {
            Lang::En => en(key),
            Lang::Ko => ko(key),
        }
    }
}

/// A translatable text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Tagline,
    Language,
    SwitchLanguage,
    ApiOk,
    PricesAsOf,
    ApiDown,
    Checking,
    Version,
    EstimateName,
    Region,
    HoursPerMonth,
    HoursPerMonthHint,
    FreeTier,
    AddItem,
    AddEc2,
    AddLambda,
    AddS3,
    AddRds,
    AddAurora,
    Empty,
    Label,
    ItemRegion,
    SameAsEstimate,
    Duplicate,
    Remove,
    MoveUp,
    MoveDown,
    InstanceType,
    OperatingSystem,
    Count,
    Usage,
    UsageFullMonth,
    UsageHours,
    UsagePercent,
    UsageValue,
    PricingModel,
    OnDemand,
    Reserved,
    Spot,
    SavingsPlan,
    Term,
    OfferingClass,
    Payment,
    Plan,
    SpotDiscount,
    Volumes,
    AddVolume,
    RemoveVolume,
    VolumeType,
    SizeGb,
    Iops,
    ThroughputMbps,
    PublicIpv4,
    DataTransferOutGb,
    RequestsPerMonth,
    AvgDurationMs,
    MemoryMb,
    Architecture,
    EphemeralMb,
    ProvisionedConcurrency,
    Concurrency,
    PcHours,
    PcRequests,
    PcDuration,
    StorageClass,
    StorageGb,
    ObjectCount,
    AvgObjectKb,
    PutRequests,
    GetRequests,
    RetrievalGb,
    Engine,
    Edition,
    LicenseModel,
    InstanceClass,
    Deployment,
    StorageType,
    BackupGb,
    StorageConfig,
    Instances,
    AddInstances,
    ServerlessV2,
    AverageAcus,
    IoRequests,
    Backtrack,
    ChangeRecordsPerHour,
    WindowHours,
    None_,
    Bill,
    Monthly,
    Upfront,
    First12Months,
    EffectiveMonthly,
    PerMonth,
    Updating,
    PriceDate,
    Breakdown,
    LineItem,
    Quantity,
    Unit,
    UnitPrice,
    Amount,
    ShowCalculation,
    Item,
    Service,
    WhereMoneyGoes,
    ByItem,
    ByService,
    NothingToChart,
    Share,
    ShareLink,
    Copied,
    CopyFailed,
    Export,
    ExportCsv,
    ExportJson,
    Import,
    ImportFailed,
    ImportNotJson,
    ImportNotEstimate,
    EstimateUnchanged,
    Imported,
    Print,
    BrokenLink,
    Currency,
    CurrencyCode,
    Rate,
    ConversionNote,
    Converted,
    Required,
    NotANumber,
    NotWhole,
    Negative,
    TooLarge,
    FixErrors,
    ItemProblem,
    Warnings,
    NotPricedHere,
    Calculating,
    Per,
    CompareRegions,
    MoveHere,
    Difference,
    ComparePricing,
    PricingOption,
    Total1yr,
    Total3yr,
    SavingVsOnDemand,
    BreakEvenMonth,
    BreakEvenUtilization,
    Apply,
    CurrentChoice,
    CumulativeCost,
    ChartShows,
    MonthAxis,
    Close,
    PricingCompareNote,
    FixToCompare,
    CompareDatabase,
    CompareDatabaseOnly,
    DbCompareNote,
    UseThis,
    NotOfferedHere,
    LineItems,
    IoHint,
    AcusHint,
    ServerlessNeedsAcus,
    IoNeverCheaper,
}

fn en(key: Key) -> &'static str {
    use Key::*;
    match key {
        Tagline => "AWS costs you can check, line by line",
        Language => "Language",
        SwitchLanguage => "한국어",
        ApiOk => "API ok",
        PricesAsOf => "prices as of",
        ApiDown => "API unavailable",
        Checking => "Checking the API…",
        Version => "version",
        EstimateName => "Estimate name",
        Region => "Region",
        HoursPerMonth => "Hours per month",
        HoursPerMonthHint => "Empty means 730",
        FreeTier => "Apply the AWS Free Tier",
        AddItem => "Add a service",
        AddEc2 => "EC2",
        AddLambda => "Lambda",
        AddS3 => "S3",
        AddRds => "RDS",
        AddAurora => "Aurora",
        Empty => "Nothing to price yet. Add a service to start.",
        Label => "Name",
        ItemRegion => "Region of this item",
        SameAsEstimate => "Same as the estimate",
        Duplicate => "Duplicate",
        Remove => "Remove",
        MoveUp => "Move up",
        MoveDown => "Move down",
        InstanceType => "Instance type",
        OperatingSystem => "Operating system",
        Count => "Count",
        Usage => "Usage",
        UsageFullMonth => "All month",
        UsageHours => "Hours per month",
        UsagePercent => "Percent of the month",
        UsageValue => "Usage amount",
        PricingModel => "Pricing",
        OnDemand => "On-Demand",
        Reserved => "Reserved",
        Spot => "Spot",
        SavingsPlan => "Savings Plan",
        Term => "Term",
        OfferingClass => "Offering class",
        Payment => "Payment",
        Plan => "Plan",
        SpotDiscount => "Spot discount % (empty: average)",
        Volumes => "EBS volumes per instance",
        AddVolume => "Add volume",
        RemoveVolume => "Remove volume",
        VolumeType => "Volume type",
        SizeGb => "Size (GB)",
        Iops => "IOPS",
        ThroughputMbps => "Throughput (MB/s)",
        PublicIpv4 => "Public IPv4 addresses per instance",
        DataTransferOutGb => "Data transfer out (GB/month)",
        RequestsPerMonth => "Requests per month",
        AvgDurationMs => "Average duration (ms)",
        MemoryMb => "Memory (MB)",
        Architecture => "Architecture",
        EphemeralMb => "Ephemeral storage (MB)",
        ProvisionedConcurrency => "Provisioned concurrency",
        Concurrency => "Concurrency",
        PcHours => "Hours enabled per month",
        PcRequests => "Requests served per month",
        PcDuration => "Their average duration (ms)",
        StorageClass => "Storage class",
        StorageGb => "Storage (GB)",
        ObjectCount => "Number of objects",
        AvgObjectKb => "Average object size (KB)",
        PutRequests => "PUT, COPY, POST, LIST requests per month",
        GetRequests => "GET and other requests per month",
        RetrievalGb => "Data retrieved (GB/month)",
        Engine => "Engine",
        Edition => "Edition",
        LicenseModel => "License",
        InstanceClass => "Instance class",
        Deployment => "Deployment",
        StorageType => "Storage type",
        BackupGb => "Backup storage (GB)",
        StorageConfig => "Storage configuration",
        Instances => "Instances",
        AddInstances => "Add instances",
        ServerlessV2 => "Serverless v2",
        AverageAcus => "Average ACUs",
        IoRequests => "I/O requests per month",
        Backtrack => "Backtrack",
        ChangeRecordsPerHour => "Change records per hour",
        WindowHours => "Window (hours)",
        None_ => "None",
        Bill => "Monthly bill",
        Monthly => "Monthly",
        Upfront => "Upfront",
        First12Months => "First 12 months",
        EffectiveMonthly => "Effective monthly",
        PerMonth => "/month",
        Updating => "Updating…",
        PriceDate => "Prices as of",
        Breakdown => "Breakdown",
        LineItem => "Line item",
        Quantity => "Quantity",
        Unit => "Unit",
        UnitPrice => "Unit price",
        Amount => "Amount",
        ShowCalculation => "Show calculation",
        Item => "Item",
        Service => "Service",
        WhereMoneyGoes => "Where the money goes",
        ByItem => "By item",
        ByService => "By service",
        NothingToChart => "No costs to chart yet.",
        Share => "Share",
        ShareLink => "Link to this estimate",
        Copied => "Link copied.",
        CopyFailed => "Could not copy; select the link and copy it.",
        Export => "Export and import",
        ExportCsv => "Download CSV",
        ExportJson => "Download JSON",
        Import => "Import JSON estimate",
        ImportFailed => "Not imported: the file could not be read.",
        ImportNotJson => "Not imported: this file is not JSON.",
        ImportNotEstimate => "Not imported: this file is not a cloudcalc estimate.",
        EstimateUnchanged => "Your estimate is unchanged.",
        Imported => "Estimate imported.",
        Print => "Print report",
        BrokenLink => "This link could not be opened, so an empty estimate is shown",
        Currency => "Show in another currency",
        CurrencyCode => "Currency code",
        Rate => "Units per 1 USD",
        ConversionNote => "Converted at a rate you entered; AWS bills in USD.",
        Converted => "converted",
        Required => "Required.",
        NotANumber => "Not a number.",
        NotWhole => "Must be a whole number.",
        Negative => "Must be zero or more.",
        TooLarge => "Too large.",
        FixErrors => "Fix the marked fields to update the bill.",
        ItemProblem => "Problem with this item",
        Warnings => "Notes",
        NotPricedHere => "Not priced in this region",
        Calculating => "Calculating…",
        Per => "per",
        CompareRegions => "Compare regions",
        MoveHere => "Move here",
        Difference => "vs. current",
        ComparePricing => "Compare pricing options",
        PricingOption => "Option",
        Total1yr => "1-year total",
        Total3yr => "3-year total",
        SavingVsOnDemand => "Saving vs On-Demand",
        BreakEvenMonth => "Break-even month",
        BreakEvenUtilization => "Break-even utilisation",
        Apply => "Apply",
        CurrentChoice => "Current",
        CumulativeCost => "Cumulative cost over 36 months",
        ChartShows => {
            "Shown: On-Demand, the current option and the cheapest over 3 years. Dots mark break-even."
        }
        MonthAxis => "Month",
        Close => "Close",
        PricingCompareNote => {
            "For this item as entered, in its region. Upfront fees are paid in month 1."
        }
        FixToCompare => "Fix this item's marked fields to compare it.",
        CompareDatabase => "Compare with Aurora/RDS",
        CompareDatabaseOnly => {
            "Only MySQL and PostgreSQL are offered by both RDS and Aurora, so only they can be compared."
        }
        DbCompareNote => {
            "On-Demand prices for the month; RDS is priced with gp3 storage. “Use this” keeps the item's label, region, usage and pricing choice."
        }
        UseThis => "Use this",
        NotOfferedHere => "Not offered here",
        LineItems => "Line items",
        IoHint => "Aurora Standard bills every I/O request.",
        AcusHint => "1 ACU ≈ 2 GiB of memory; prices the Serverless v2 column.",
        ServerlessNeedsAcus => "Enter average ACUs to price Serverless v2.",
        IoNeverCheaper => {
            "At no I/O volume is Aurora I/O-Optimized cheaper than Aurora Standard here."
        }
    }
}

fn ko(key: Key) -> &'static str {
    use Key::*;
    match key {
        Tagline => "한 줄씩 확인할 수 있는 AWS 비용",
        Language => "언어",
        SwitchLanguage => "English",
        ApiOk => "API 정상",
        PricesAsOf => "가격 기준일",
        ApiDown => "API 사용 불가",
        Checking => "API 확인 중…",
        Version => "버전",
        EstimateName => "견적 이름",
        Region => "리전",
        HoursPerMonth => "월 사용 시간",
        HoursPerMonthHint => "비우면 730시간",
        FreeTier => "AWS 프리 티어 적용",
        AddItem => "서비스 추가",
        AddEc2 => "EC2",
        AddLambda => "Lambda",
        AddS3 => "S3",
        AddRds => "RDS",
        AddAurora => "Aurora",
        Empty => "아직 계산할 항목이 없습니다. 서비스를 추가하세요.",
        Label => "이름",
        ItemRegion => "이 항목의 리전",
        SameAsEstimate => "견적과 같은 리전",
        Duplicate => "복제",
        Remove => "삭제",
        MoveUp => "위로 이동",
        MoveDown => "아래로 이동",
        InstanceType => "인스턴스 유형",
        OperatingSystem => "운영 체제",
        Count => "개수",
        Usage => "사용량",
        UsageFullMonth => "한 달 내내",
        UsageHours => "월 사용 시간",
        UsagePercent => "월 사용 비율(%)",
        UsageValue => "사용량 값",
        PricingModel => "요금 모델",
        OnDemand => "온디맨드",
        Reserved => "예약 인스턴스",
        Spot => "스팟",
        SavingsPlan => "Savings Plans",
        Term => "약정 기간",
        OfferingClass => "제공 클래스",
        Payment => "결제 옵션",
        Plan => "플랜",
        SpotDiscount => "스팟 할인율 %(비우면 평균)",
        Volumes => "인스턴스당 EBS 볼륨",
        AddVolume => "볼륨 추가",
        RemoveVolume => "볼륨 삭제",
        VolumeType => "볼륨 유형",
        SizeGb => "크기(GB)",
        Iops => "IOPS",
        ThroughputMbps => "처리량(MB/s)",
        PublicIpv4 => "인스턴스당 퍼블릭 IPv4 주소",
        DataTransferOutGb => "외부 데이터 전송(GB/월)",
        RequestsPerMonth => "월 요청 수",
        AvgDurationMs => "평균 실행 시간(ms)",
        MemoryMb => "메모리(MB)",
        Architecture => "아키텍처",
        EphemeralMb => "임시 스토리지(MB)",
        ProvisionedConcurrency => "프로비저닝된 동시성",
        Concurrency => "동시성",
        PcHours => "월 활성 시간",
        PcRequests => "처리하는 월 요청 수",
        PcDuration => "해당 요청의 평균 실행 시간(ms)",
        StorageClass => "스토리지 클래스",
        StorageGb => "스토리지(GB)",
        ObjectCount => "객체 수",
        AvgObjectKb => "평균 객체 크기(KB)",
        PutRequests => "월 PUT, COPY, POST, LIST 요청 수",
        GetRequests => "월 GET 및 기타 요청 수",
        RetrievalGb => "데이터 검색(GB/월)",
        Engine => "엔진",
        Edition => "에디션",
        LicenseModel => "라이선스",
        InstanceClass => "인스턴스 클래스",
        Deployment => "배포",
        StorageType => "스토리지 유형",
        BackupGb => "백업 스토리지(GB)",
        StorageConfig => "스토리지 구성",
        Instances => "인스턴스",
        AddInstances => "인스턴스 추가",
        ServerlessV2 => "Serverless v2",
        AverageAcus => "평균 ACU",
        IoRequests => "월 I/O 요청 수",
        Backtrack => "역추적(Backtrack)",
        ChangeRecordsPerHour => "시간당 변경 레코드",
        WindowHours => "기간(시간)",
        None_ => "없음",
        Bill => "월 청구 금액",
        Monthly => "월 요금",
        Upfront => "선결제",
        First12Months => "첫 12개월",
        EffectiveMonthly => "실질 월 요금",
        PerMonth => "/월",
        Updating => "업데이트 중…",
        PriceDate => "가격 기준일",
        Breakdown => "상세 내역",
        LineItem => "항목",
        Quantity => "수량",
        Unit => "단위",
        UnitPrice => "단가",
        Amount => "금액",
        ShowCalculation => "계산식 보기",
        Item => "항목",
        Service => "서비스",
        WhereMoneyGoes => "비용 구성",
        ByItem => "항목별",
        ByService => "서비스별",
        NothingToChart => "아직 표시할 비용이 없습니다.",
        Share => "공유",
        ShareLink => "이 견적의 링크",
        Copied => "링크를 복사했습니다.",
        CopyFailed => "복사하지 못했습니다. 링크를 선택해 복사하세요.",
        Export => "내보내기와 가져오기",
        ExportCsv => "CSV 다운로드",
        ExportJson => "JSON 다운로드",
        Import => "JSON 견적 가져오기",
        ImportFailed => "가져오지 못했습니다: 파일을 읽을 수 없습니다.",
        ImportNotJson => "가져오지 못했습니다: JSON 파일이 아닙니다.",
        ImportNotEstimate => "가져오지 못했습니다: cloudcalc 견적 파일이 아닙니다.",
        EstimateUnchanged => "현재 견적은 바뀌지 않았습니다.",
        Imported => "견적을 가져왔습니다.",
        Print => "보고서 인쇄",
        BrokenLink => "이 링크를 열 수 없어 빈 견적을 표시합니다",
        Currency => "다른 통화로 보기",
        CurrencyCode => "통화 코드",
        Rate => "1 USD당 금액",
        ConversionNote => "입력한 환율로 환산한 값입니다. AWS는 USD로 청구합니다.",
        Converted => "환산",
        Required => "필수 항목입니다.",
        NotANumber => "숫자가 아닙니다.",
        NotWhole => "정수여야 합니다.",
        Negative => "0 이상이어야 합니다.",
        TooLarge => "너무 큽니다.",
        FixErrors => "표시된 칸을 고치면 청구 금액이 업데이트됩니다.",
        ItemProblem => "이 항목의 문제",
        Warnings => "참고",
        NotPricedHere => "이 리전에는 가격이 없습니다",
        Calculating => "계산 중…",
        Per => "단위당",
        CompareRegions => "리전 비교",
        MoveHere => "이 리전으로 이동",
        Difference => "현재 대비",
        ComparePricing => "요금 옵션 비교",
        PricingOption => "옵션",
        Total1yr => "1년 합계",
        Total3yr => "3년 합계",
        SavingVsOnDemand => "온디맨드 대비 절감",
        BreakEvenMonth => "손익분기 시점",
        BreakEvenUtilization => "손익분기 사용률",
        Apply => "적용",
        CurrentChoice => "현재 선택",
        CumulativeCost => "36개월 누적 비용",
        ChartShows => {
            "온디맨드, 현재 옵션, 3년 기준 가장 저렴한 옵션을 표시합니다. 점은 손익분기 시점입니다."
        }
        MonthAxis => "개월",
        Close => "닫기",
        PricingCompareNote => {
            "입력한 그대로의 이 항목을 해당 리전 가격으로 계산합니다. 선결제는 첫 달에 냅니다."
        }
        FixToCompare => "이 항목의 표시된 칸을 고치면 비교할 수 있습니다.",
        CompareDatabase => "Aurora/RDS와 비교",
        CompareDatabaseOnly => {
            "RDS와 Aurora 모두에서 제공되는 MySQL과 PostgreSQL만 비교할 수 있습니다."
        }
        DbCompareNote => {
            "한 달 온디맨드 요금 기준이며 RDS는 gp3 스토리지로 계산합니다. ‘이 옵션 사용’은 항목의 이름, 리전, 사용량, 요금 모델 선택을 유지합니다."
        }
        UseThis => "이 옵션 사용",
        NotOfferedHere => "이 리전에서 제공되지 않음",
        LineItems => "세부 항목",
        IoHint => "Aurora Standard는 I/O 요청마다 과금합니다.",
        AcusHint => "1 ACU ≈ 메모리 2GiB이며 Serverless v2 열 계산에 쓰입니다.",
        ServerlessNeedsAcus => "Serverless v2 요금을 보려면 평균 ACU를 입력하세요.",
        IoNeverCheaper => {
            "이 리전에서는 I/O 양과 관계없이 Aurora I/O-Optimized가 Aurora Standard보다 저렴하지 않습니다."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_browsers_get_korean_and_seoul() {
        assert_eq!(Lang::from_tag("ko-KR"), Lang::Ko);
        assert_eq!(Lang::from_tag("ko"), Lang::Ko);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::Ko.default_region(), "ap-northeast-2");
        assert_eq!(Lang::En.default_region(), "us-east-1");
    }

    #[test]
    fn units_read_as_the_api_writes_them_in_english_and_in_korean_words_in_korean() {
        use model::Unit;
        assert_eq!(names::unit(Lang::En, Unit::GbMonths), "GB-months");
        assert_eq!(names::unit(Lang::En, Unit::IoRequests), "I/O requests");
        assert_eq!(names::unit(Lang::Ko, Unit::Hours), "시간");
        assert_eq!(names::unit(Lang::Ko, Unit::GbMonths), "GB-월");
        assert_eq!(names::unit(Lang::Ko, Unit::Gb), "GB");
    }

    #[test]
    fn both_languages_differ_where_they_should() {
        assert_ne!(Lang::En.t(Key::Monthly), Lang::Ko.t(Key::Monthly));
        assert_eq!(Lang::En.t(Key::AddEc2), Lang::Ko.t(Key::AddEc2));
    }
}

/// Display names of the contract's closed sets, per language. AWS product names (engines, storage
/// classes, volume types) are not translated, as in the Korean AWS console.
pub mod names {
    use super::Lang;
    use crate::form::UsageMode;
    use model::compare::DatabaseOptionKind;
    use model::{
        Deployment, Ec2Pricing, LicenseModel, OfferingClass, Payment, PricingModel, RdsEdition,
        SavingsPlanType, Service, Term, Unit,
    };

    fn pick(lang: Lang, en: &'static str, ko: &'static str) -> &'static str {
        match lang {
            Lang::En => en,
            Lang::Ko => ko,
        }
    }

    /// A line item's unit as the bill shows it. English keeps the API's spelling; Korean
    /// writes units as the Korean AWS pricing pages do (`GB-월`, `시간`).
    pub fn unit(lang: Lang, u: Unit) -> &'static str {
        match u {
            Unit::Hours => pick(lang, u.as_str(), "시간"),
            Unit::GbMonths => pick(lang, u.as_str(), "GB-월"),
            Unit::GbSeconds => pick(lang, u.as_str(), "GB-초"),
            Unit::Requests => pick(lang, u.as_str(), "요청"),
            Unit::Gb => pick(lang, u.as_str(), "GB"),
            Unit::IopsMonths => pick(lang, u.as_str(), "IOPS-월"),
            Unit::MbpsMonths => pick(lang, u.as_str(), "MBps-월"),
            Unit::AcuHours => pick(lang, u.as_str(), "ACU-시간"),
            Unit::Objects => pick(lang, u.as_str(), "객체"),
            Unit::ChangeRecords => pick(lang, u.as_str(), "변경 레코드"),
            Unit::Reservations => pick(lang, u.as_str(), "예약"),
            Unit::IoRequests => pick(lang, u.as_str(), "I/O 요청"),
        }
    }

    pub fn service(s: Service) -> &'static str {
        match s {
            Service::Ec2 => "Amazon EC2",
            Service::Lambda => "AWS Lambda",
            Service::S3 => "Amazon S3",
            Service::Rds => "Amazon RDS",
            Service::Aurora => "Amazon Aurora",
        }
    }

    pub fn pricing_model(lang: Lang, m: PricingModel) -> &'static str {
        match m {
            PricingModel::OnDemand => pick(lang, "On-Demand", "온디맨드"),
            PricingModel::Reserved => pick(lang, "Reserved Instances", "예약 인스턴스"),
            PricingModel::Spot => pick(lang, "Spot", "스팟"),
            PricingModel::SavingsPlan => pick(lang, "Savings Plan", "Savings Plans"),
        }
    }

    pub fn term(lang: Lang, t: Term) -> &'static str {
        match t {
            Term::OneYear => pick(lang, "1 year", "1년"),
            Term::ThreeYears => pick(lang, "3 years", "3년"),
        }
    }

    pub fn payment(lang: Lang, p: Payment) -> &'static str {
        match p {
            Payment::NoUpfront => pick(lang, "No upfront", "선결제 없음"),
            Payment::PartialUpfront => pick(lang, "Partial upfront", "부분 선결제"),
            Payment::AllUpfront => pick(lang, "All upfront", "전체 선결제"),
        }
    }

    pub fn offering_class(lang: Lang, c: OfferingClass) -> &'static str {
        match c {
            OfferingClass::Standard => pick(lang, "Standard", "표준"),
            OfferingClass::Convertible => pick(lang, "Convertible", "전환형"),
        }
    }

    pub fn plan(lang: Lang, p: SavingsPlanType) -> &'static str {
        match p {
            SavingsPlanType::Compute => pick(lang, "Compute Savings Plan", "Compute Savings Plans"),
            SavingsPlanType::Ec2Instance => pick(
                lang,
                "EC2 Instance Savings Plan",
                "EC2 Instance Savings Plans",
            ),
        }
    }

    pub fn deployment(lang: Lang, d: Deployment) -> &'static str {
        match d {
            Deployment::SingleAz => pick(lang, "Single-AZ", "단일 AZ"),
            Deployment::MultiAz => pick(lang, "Multi-AZ (one standby)", "다중 AZ(대기 1개)"),
        }
    }

    pub fn license(lang: Lang, l: LicenseModel) -> &'static str {
        match l {
            LicenseModel::LicenseIncluded => pick(lang, "License included", "라이선스 포함"),
            LicenseModel::BringYourOwnLicense => {
                pick(lang, "Bring your own license", "기존 라이선스 사용(BYOL)")
            }
        }
    }

    pub fn edition(e: RdsEdition) -> &'static str {
        match e {
            RdsEdition::StandardTwo => "Standard Edition Two",
            RdsEdition::Enterprise => "Enterprise",
            RdsEdition::Standard => "Standard",
            RdsEdition::Web => "Web",
            RdsEdition::Express => "Express",
        }
    }

    pub fn usage_mode(lang: Lang, m: UsageMode) -> &'static str {
        match m {
            UsageMode::FullMonth => pick(lang, "All month", "한 달 내내"),
            UsageMode::Hours => pick(lang, "Hours per month", "월 사용 시간"),
            UsageMode::Percent => pick(lang, "Percent of the month", "월 사용 비율(%)"),
        }
    }

    /// An EC2 pricing option in words: `Reserved Instances · 1 year · Standard · No upfront`.
    pub fn pricing_option(lang: Lang, p: &Ec2Pricing) -> String {
        match *p {
            Ec2Pricing::OnDemand => pricing_model(lang, PricingModel::OnDemand).to_owned(),
            Ec2Pricing::Spot { .. } => {
                pick(lang, "Spot (average discount)", "스팟(평균 할인율)").to_owned()
            }
            Ec2Pricing::Reserved {
                term: t,
                offering_class,
                payment: pay,
            } => format!(
                "{} · {} · {} · {}",
                pricing_model(lang, PricingModel::Reserved),
                term(lang, t),
                self::offering_class(lang, offering_class),
                payment(lang, pay)
            ),
            Ec2Pricing::SavingsPlan {
                plan: p,
                term: t,
                payment: pay,
            } => format!(
                "{} · {} · {}",
                plan(lang, p),
                term(lang, t),
                payment(lang, pay)
            ),
        }
    }

    /// A column of the Aurora / RDS comparison.
    pub fn db_option(lang: Lang, k: DatabaseOptionKind) -> &'static str {
        match k {
            DatabaseOptionKind::RdsSingleAz => pick(lang, "RDS Single-AZ", "RDS 단일 AZ"),
            DatabaseOptionKind::RdsMultiAz => pick(lang, "RDS Multi-AZ", "RDS 다중 AZ"),
            DatabaseOptionKind::AuroraStandard => "Aurora Standard",
            DatabaseOptionKind::AuroraIoOptimized => "Aurora I/O-Optimized",
            DatabaseOptionKind::AuroraServerlessV2 => "Aurora Serverless v2",
        }
    }

    /// A month of the cumulative comparison: `Month 7`, `7개월 차`.
    pub fn month(lang: Lang, n: u32) -> String {
        match lang {
            Lang::En => format!("Month {n}"),
            Lang::Ko => format!("{n}개월 차"),
        }
    }

    /// When an option starts costing less than On-Demand: `breaks even in month 7`.
    pub fn breaks_even(lang: Lang, n: u32) -> String {
        match lang {
            Lang::En => format!("breaks even in month {n}"),
            Lang::Ko => format!("{n}개월 차에 손익분기"),
        }
    }

    /// The Aurora I/O-Optimized crossover, `requests` already formatted.
    pub fn io_crossover(lang: Lang, requests: &str) -> String {
        match lang {
            Lang::En => format!(
                "Aurora I/O-Optimized costs less than Aurora Standard above {requests} I/O requests a month."
            ),
            Lang::Ko => format!(
                "월 I/O 요청이 {requests}건을 넘으면 Aurora I/O-Optimized가 Aurora Standard보다 저렴합니다."
            ),
        }
    }
}
