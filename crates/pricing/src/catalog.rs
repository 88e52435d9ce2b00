//! The catalogue: what the UI may offer in each region, built from the price book.
//!
//! Everything offered has a price: an instance type appears with the operating systems that have
//! an On-Demand price, a storage class when its storage is priced, and so on. Lists are sorted
//! (names alphabetically, closed sets in their declaration order), so the same book always gives
//! the same catalogue and the server can cache it with the book's version as its ETag.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use model::catalog::{
    AuroraOffer, Catalog, DbClassInfo, Ec2Offers, Ec2TypeOffer, InstanceTypeInfo, RdsOffer,
    RegionInfo, RegionOffers,
};
use model::response::PriceSourceRef;
use model::{
    Architecture, AuroraEngine, AuroraStorageConfig, Deployment, LicenseModel, OperatingSystem,
    RdsEdition, RdsEngine, RdsStorageType, StorageClass, VolumeType,
};

use crate::book::PriceBook;
use crate::rows::{
    AuroraComponent, EbsComponent, LambdaComponent, RdsStorageComponent, S3StorageTier,
};

/// The storage price that makes an S3 storage class offerable.
fn storage_tier(class: StorageClass) -> S3StorageTier {
    match class {
        StorageClass::Standard => S3StorageTier::Standard,
        StorageClass::IntelligentTiering => S3StorageTier::IntelligentTieringFrequent,
        StorageClass::StandardIa => S3StorageTier::StandardIa,
        StorageClass::OneZoneIa => S3StorageTier::OneZoneIa,
        StorageClass::GlacierInstantRetrieval => S3StorageTier::GlacierInstantRetrieval,
        StorageClass::GlacierFlexibleRetrieval => S3StorageTier::GlacierFlexibleRetrieval,
        StorageClass::GlacierDeepArchive => S3StorageTier::GlacierDeepArchive,
    }
}

type RdsGroup = (RdsEngine, Option<RdsEdition>, Option<LicenseModel>);

/// What one region offers, gathered in one pass over each table.
#[derive(Default)]
struct Gather<'a> {
    /// Instance type → operating systems with an On-Demand price.
    ec2: BTreeMap<&'a str, BTreeSet<OperatingSystem>>,
    spot: HashSet<&'a str>,
    commitments: HashSet<&'a str>,
    rds: BTreeMap<RdsGroup, (BTreeSet<&'a str>, BTreeSet<Deployment>)>,
    aurora: BTreeMap<AuroraEngine, (BTreeSet<AuroraStorageConfig>, BTreeSet<&'a str>, bool)>,
}

/// Builds the catalogue from a validated book.
pub fn build(book: &PriceBook) -> Catalog {
    let t = book.tables();
    let mut regions: Vec<RegionInfo> = t
        .regions
        .iter()
        .map(|r| RegionInfo {
            code: r.region_code.clone(),
            name: r.name.clone(),
        })
        .collect();
    regions.sort_by(|a, b| a.code.cmp(&b.code));

    let mut by_region: BTreeMap<&str, Gather<'_>> = BTreeMap::new();
    for r in &t.ec2_on_demand {
        let g = by_region.entry(&r.region_code).or_default();
        g.ec2
            .entry(&r.instance_type)
            .or_default()
            .insert(r.operating_system);
    }
    for r in &t.ec2_spot {
        by_region
            .entry(&r.region_code)
            .or_default()
            .spot
            .insert(&r.instance_type);
    }
    for (region, ty) in t
        .ec2_reserved
        .iter()
        .map(|r| (&r.region_code, &r.instance_type))
        .chain(
            t.ec2_savings_plans
                .iter()
                .map(|r| (&r.region_code, &r.instance_type)),
        )
    {
        by_region.entry(region).or_default().commitments.insert(ty);
    }
    for r in &t.rds_instances {
        let g = by_region.entry(&r.region_code).or_default();
        let entry = g
            .rds
            .entry((r.engine, r.edition, r.license_model))
            .or_default();
        entry.0.insert(&r.instance_class);
        entry.1.insert(r.deployment);
    }
    for r in &t.aurora_instances {
        let g = by_region.entry(&r.region_code).or_default();
        let entry = g.aurora.entry(r.engine).or_default();
        entry.0.insert(r.storage_config);
        entry.1.insert(&r.instance_class);
    }
    for r in &t.aurora_cluster {
        if r.component == AuroraComponent::ServerlessV2 {
            let g = by_region.entry(&r.region_code).or_default();
            g.aurora.entry(r.engine).or_default().2 = true;
        }
    }

    let empty = Gather::default();
    let offers = regions
        .iter()
        .map(|region| {
            let code = region.code.as_str();
            let g = by_region.get(code).unwrap_or(&empty);
            region_offers(book, code, g)
        })
        .collect();

    let mut instance_types: Vec<InstanceTypeInfo> = t
        .ec2_instance_types
        .iter()
        .map(|r| InstanceTypeInfo {
            name: r.instance_type.clone(),
            family: r.family.clone(),
            vcpu: r.vcpu,
            memory_gib: r.memory_gib,
            architecture: r.architecture.clone(),
            current_generation: r.current_generation,
        })
        .collect();
    instance_types.sort_by(|a, b| a.name.cmp(&b.name));

    let mut db_instance_classes: Vec<DbClassInfo> = t
        .db_instance_classes
        .iter()
        .map(|r| DbClassInfo {
            name: r.instance_class.clone(),
            vcpu: r.vcpu,
            memory_gib: r.memory_gib,
        })
        .collect();
    db_instance_classes.sort_by(|a, b| a.name.cmp(&b.name));

    let mut price_tables: Vec<PriceSourceRef> = t
        .sources
        .iter()
        .map(|s| PriceSourceRef {
            table: s.table.clone().into(),
            price_date: s.price_date.clone().into(),
            source: s.origin.clone().into(),
        })
        .collect();
    price_tables.sort_by(|a, b| {
        (&a.table, &a.price_date, &a.source).cmp(&(&b.table, &b.price_date, &b.source))
    });

    Catalog {
        version: book.version().to_owned(),
        regions,
        instance_types,
        db_instance_classes,
        offers,
        price_tables,
    }
}

fn region_offers(book: &PriceBook, region: &str, g: &Gather<'_>) -> RegionOffers {
    let instance_types = g
        .ec2
        .iter()
        .map(|(&name, oses)| Ec2TypeOffer {
            name: name.to_owned(),
            operating_systems: oses.iter().copied().collect(),
            spot: g.spot.contains(name),
            commitments: g.commitments.contains(name),
        })
        .collect();
    let volume_types = VolumeType::ALL
        .into_iter()
        .filter(|&v| book.ebs(region, v, EbsComponent::Storage).is_some())
        .collect();
    // A function needs both halves of its bill: requests and duration.
    let lambda = Architecture::ALL
        .into_iter()
        .filter(|&a| {
            book.lambda(region, a, LambdaComponent::Requests).is_some()
                && book.lambda(region, a, LambdaComponent::Duration).is_some()
        })
        .collect();
    let s3 = StorageClass::ALL
        .into_iter()
        .filter(|&c| book.s3_storage(region, storage_tier(c)).is_some())
        .collect();
    // Storage prices are per deployment but not per engine: every engine offers the same types.
    let storage_types: Vec<RdsStorageType> = RdsStorageType::ALL
        .into_iter()
        .filter(|&s| {
            Deployment::ALL.into_iter().any(|d| {
                book.rds_storage(region, s, d, RdsStorageComponent::Storage)
                    .is_some()
            })
        })
        .collect();
    let rds = g
        .rds
        .iter()
        .map(
            |(&(engine, edition, license_model), (classes, deployments))| RdsOffer {
                engine,
                edition,
                license_model,
                instance_classes: classes.iter().map(|c| (*c).to_owned()).collect(),
                deployments: deployments.iter().copied().collect(),
                storage_types: storage_types.clone(),
            },
        )
        .collect();
    let aurora = g
        .aurora
        .iter()
        .filter(|(_, (configs, _, _))| !configs.is_empty())
        .map(|(&engine, (configs, classes, serverless_v2))| AuroraOffer {
            engine,
            storage_configs: configs.iter().copied().collect(),
            instance_classes: classes.iter().map(|c| (*c).to_owned()).collect(),
            serverless_v2: *serverless_v2,
        })
        .collect();
    RegionOffers {
        region: region.to_owned(),
        ec2: Ec2Offers {
            instance_types,
            volume_types,
            public_ipv4: book.public_ipv4(region).is_some(),
        },
        lambda,
        s3,
        rds,
        aurora,
    }
}
