//! One item of the estimate as a card: its name, region, the service's inputs and actions.
//!
//! The inputs are exactly the fields of the estimate contract for the service; choices that
//! depend on the region (instance types, classes, storage classes) come from the catalogue for
//! the item's region, so only priced options are offered.

use leptos::prelude::*;
use model::catalog::Catalog;
use model::{
    Architecture, AuroraEngine, AuroraStorageConfig, Deployment, LicenseModel, OfferingClass,
    OperatingSystem, Payment, PricingModel, RdsEdition, RdsEngine, RdsStorageType, SavingsPlanType,
    Service, StorageClass, Term, VolumeType,
};

use crate::components::compare_database::CompareDatabase;
use crate::components::compare_pricing::ComparePricing;
use crate::components::fields::{
    FieldError, ItemCheck, ItemInput, ItemSelect, Kind, field_id, parse_enum,
};
use crate::form::{
    AuroraGroupForm, DEFAULT_AURORA_CLASS, ItemForm, SpecForm, UsageMode, VolumeForm, input_paths,
};
use crate::i18n::{Key, Lang, names};
use crate::state::Ctx;

/// Reads or writes one text field of one service's inputs: `spec!(Ec2, count)`.
macro_rules! text_of {
    ($variant:ident, $($field:tt)+) => {
        (
            move |i: &ItemForm| match &i.spec {
                SpecForm::$variant(s) => s.$($field)+.clone(),
                _ => String::new(),
            },
            move |i: &mut ItemForm, v: String| {
                if let SpecForm::$variant(s) = &mut i.spec {
                    s.$($field)+ = v;
                }
            },
        )
    };
}

/// Reads or writes one closed-set field as its contract name: `enum_of!(Ec2, operating_system, OperatingSystem)`.
macro_rules! enum_of {
    ($variant:ident, $ty:ty, $($field:tt)+) => {
        (
            move |i: &ItemForm| match &i.spec {
                SpecForm::$variant(s) => s.$($field)+.as_str().to_owned(),
                _ => String::new(),
            },
            move |i: &mut ItemForm, v: String| {
                if let (SpecForm::$variant(s), Some(x)) = (&mut i.spec, parse_enum::<$ty>(&v)) {
                    s.$($field)+ = x;
                }
            },
        )
    };
}

/// Reads or writes one boolean field.
macro_rules! flag_of {
    ($variant:ident, $($field:tt)+) => {
        (
            move |i: &ItemForm| match &i.spec {
                SpecForm::$variant(s) => s.$($field)+,
                _ => false,
            },
            move |i: &mut ItemForm, v: bool| {
                if let SpecForm::$variant(s) = &mut i.spec {
                    s.$($field)+ = v;
                }
            },
        )
    };
}

/// `(value, text)` options of a closed set whose names do not change with the language.
fn plain<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|&x| (name(x).to_owned(), text(x).to_owned()))
        .collect()
}

/// `(value, text)` options of a closed set named per language.
fn localized<T: Copy>(
    lang: Lang,
    all: &[T],
    name: fn(T) -> &'static str,
    text: fn(Lang, T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|&x| (name(x).to_owned(), text(lang, x).to_owned()))
        .collect()
}

/// The region an item is priced in (tracked).
fn region_of(ctx: Ctx, uid: u32) -> Memo<String> {
    Memo::new(move |_| {
        ctx.form.with(|f| {
            f.item(uid)
                .map(|i| i.effective_region(&f.region).to_owned())
                .unwrap_or_default()
        })
    })
}

/// Reads from the catalogue's offers for one region.
fn with_offers<R>(
    ctx: Ctx,
    region: &str,
    read: impl FnOnce(&Catalog, &model::catalog::RegionOffers) -> R,
) -> Option<R> {
    ctx.catalog.with(|c| {
        let c = c.as_ref()?;
        let offers = c.offers.iter().find(|o| o.region == region)?;
        Some(read(c, offers))
    })
}

/// An item card.
#[component]
pub fn ItemCard(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let service = ctx
        .form
        .with_untracked(|f| f.item(uid).map(|i| i.spec.service()))
        .unwrap_or(Service::Ec2);
    let index = Memo::new(move |_| ctx.form.with(|f| f.position(uid).unwrap_or(0)));
    let count = Memo::new(move |_| ctx.form.with(|f| f.items.len()));
    let title = Memo::new(move |_| {
        ctx.form.with(|f| {
            f.item(uid)
                .map(|i| i.display_name().to_owned())
                .unwrap_or_default()
        })
    });
    let item_id = ctx
        .form
        .with_untracked(|f| f.item(uid).map(|i| i.id.clone()))
        .unwrap_or_default();
    let heading_id = format!("card-{uid}-title");
    let labelled_by = heading_id.clone();
    // Errors the card has no input for (e.g. a duplicate id) are shown at its top.
    let other_errors = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let known = ctx.form.with(|f| {
            f.item(uid)
                .map(|i| input_paths(&i.spec))
                .unwrap_or_default()
        });
        ctx.errors.with(|errors| {
            errors
                .iter()
                .filter(|e| e.uid == Some(uid) && !known.contains(&e.path))
                .map(|e| {
                    if e.path.is_empty() {
                        e.message.show(lang)
                    } else {
                        format!("{}: {}", e.path, e.message.show(lang))
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let regions = Memo::new(move |_| {
        ctx.catalog.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.regions
                        .iter()
                        .map(|r| (r.code.clone(), format!("{} · {}", r.code, r.name)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let body = match service {
        Service::Ec2 => view! { <Ec2Fields uid=uid /> }.into_any(),
        Service::Lambda => view! { <LambdaFields uid=uid /> }.into_any(),
        Service::S3 => view! { <S3Fields uid=uid /> }.into_any(),
        Service::Rds => view! { <RdsFields uid=uid /> }.into_any(),
        Service::Aurora => view! { <AuroraFields uid=uid /> }.into_any(),
    };
    // The decision panels: how else to pay for this, or which database to run it on.
    let decide = match service {
        Service::Ec2 => view! { <ComparePricing uid=uid /> }.into_any(),
        Service::Rds | Service::Aurora => view! { <CompareDatabase uid=uid /> }.into_any(),
        Service::Lambda | Service::S3 => ().into_any(),
    };
    view! {
        <section class="card item-card" data-testid="item-card" data-service=service.as_str() data-item=item_id aria-labelledby=labelled_by>
            <header class="card-head">
                <h3 id=heading_id>
                    <span class="badge">{names::service(service)}</span>
                    " "
                    <span data-testid="item-title">{move || title.get()}</span>
                </h3>
                <div class="card-actions" role="group">
                    <button type="button" class="icon" data-action="up" disabled=move || index.get() == 0
                        aria-label=move || ctx.t(Key::MoveUp) title=move || ctx.t(Key::MoveUp)
                        on:click=move |_| ctx.act(|f| f.shift(uid, true))>"↑"</button>
                    <button type="button" class="icon" data-action="down" disabled=move || { index.get() + 1 >= count.get() }
                        aria-label=move || ctx.t(Key::MoveDown) title=move || ctx.t(Key::MoveDown)
                        on:click=move |_| ctx.act(|f| f.shift(uid, false))>"↓"</button>
                    <button type="button" data-action="duplicate" on:click=move |_| ctx.act(|f| { f.duplicate(uid); })>
                        {ctx.text(Key::Duplicate)}
                    </button>
                    <button type="button" class="danger" data-action="remove" on:click=move |_| ctx.act(|f| f.remove(uid))>
                        {ctx.text(Key::Remove)}
                    </button>
                </div>
            </header>
            <ul class="card-errors" role="alert" hidden=move || other_errors.with(|e| e.is_empty())>
                {move || other_errors.get().into_iter().map(|e| view! { <li data-testid="field-error">{e}</li> }).collect_view()}
            </ul>
            <div class="grid">
                <ItemInput uid=uid path="label" label=Key::Label kind=Kind::Text
                    get=|i: &ItemForm| i.label.clone() set=|i: &mut ItemForm, v| i.label = v />
                <ItemSelect uid=uid path="region" label=Key::ItemRegion
                    options=move || {
                        let mut o = vec![(String::new(), ctx.t(Key::SameAsEstimate).to_owned())];
                        o.extend(regions.get());
                        o
                    }
                    get=|i: &ItemForm| i.region.clone() set=|i: &mut ItemForm, v| i.region = v />
            </div>
            {body}
            {decide}
        </section>
    }
}

/// The usage inputs (all month, hours or percent) shared by EC2, RDS and Aurora.
#[component]
fn UsageFields(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    fn usage(i: &ItemForm) -> Option<&crate::form::UsageForm> {
        match &i.spec {
            SpecForm::Ec2(s) => Some(&s.usage),
            SpecForm::Rds(s) => Some(&s.usage),
            SpecForm::Aurora(s) => Some(&s.usage),
            _ => None,
        }
    }
    fn usage_mut(i: &mut ItemForm) -> Option<&mut crate::form::UsageForm> {
        match &mut i.spec {
            SpecForm::Ec2(s) => Some(&mut s.usage),
            SpecForm::Rds(s) => Some(&mut s.usage),
            SpecForm::Aurora(s) => Some(&mut s.usage),
            _ => None,
        }
    }
    let mode = Memo::new(move |_| {
        ctx.form
            .with(|f| f.item(uid).and_then(usage).map(|u| u.mode))
            .unwrap_or_default()
    });
    view! {
        <ItemSelect uid=uid path="usage" label=Key::Usage
            options=move || { let l = ctx.lang.get(); UsageMode::ALL.iter().map(|m| (m.as_str().to_owned(), names::usage_mode(l, *m).to_owned())).collect() }
            get=|i: &ItemForm| usage(i).map(|u| u.mode.as_str().to_owned()).unwrap_or_default()
            set=|i: &mut ItemForm, v| if let (Some(u), Some(m)) = (usage_mut(i), UsageMode::parse(&v)) { u.mode = m } />
        {move || {
            let m = mode.get();
            let (path, label) = match m {
                UsageMode::FullMonth => return None,
                UsageMode::Hours => ("usage.hours_per_month", Key::UsageHours),
                UsageMode::Percent => ("usage.utilization_percent", Key::UsagePercent),
            };
            Some(view! {
                <ItemInput uid=uid path=path label=label
                    get=|i: &ItemForm| usage(i).map(|u| u.value.clone()).unwrap_or_default()
                    set=|i: &mut ItemForm, v| if let Some(u) = usage_mut(i) { u.value = v } />
            })
        }}
    }
}

/// The EC2 inputs.
#[component]
fn Ec2Fields(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let region = region_of(ctx, uid);
    let list_id = format!("types-{uid}");
    let model = Memo::new(move |_| {
        ctx.form.with(|f| match f.item(uid).map(|i| &i.spec) {
            Some(SpecForm::Ec2(e)) => e.pricing.model,
            _ => PricingModel::OnDemand,
        })
    });
    let typed = Memo::new(move |_| {
        ctx.form.with(|f| match f.item(uid).map(|i| &i.spec) {
            Some(SpecForm::Ec2(e)) => e.instance_type.trim().to_owned(),
            _ => String::new(),
        })
    });
    // The offered types of the region with their specs, for the searchable list.
    let types = Memo::new(move |_| {
        let r = region.get();
        with_offers(ctx, &r, |c, o| {
            o.ec2
                .instance_types
                .iter()
                .map(|t| {
                    let spec = c.instance_types.iter().find(|i| i.name == t.name);
                    let text = spec
                        .map(|s| {
                            format!(
                                "{} vCPU · {} GiB · {}",
                                s.vcpu,
                                s.memory_gib.normalize(),
                                s.architecture
                            )
                        })
                        .unwrap_or_default();
                    (t.name.clone(), text)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let spec_line = move || {
        let t = typed.get();
        types.with(|ts| ts.iter().find(|(n, _)| *n == t).map(|(_, s)| s.clone()))
    };
    let os_options = move || {
        let r = region.get();
        let t = typed.get();
        with_offers(ctx, &r, |_, o| {
            o.ec2
                .instance_types
                .iter()
                .find(|x| x.name == t)
                .map(|x| x.operating_systems.clone())
        })
        .flatten()
        .unwrap_or_else(|| OperatingSystem::ALL.to_vec())
        .into_iter()
        .map(|os| (os.as_str().to_owned(), os.display().to_owned()))
        .collect()
    };
    let (os_get, os_set) = enum_of!(Ec2, OperatingSystem, operating_system);
    let (it_get, it_set) = text_of!(Ec2, instance_type);
    let (count_get, count_set) = text_of!(Ec2, count);
    let (pm_get, pm_set) = enum_of!(Ec2, PricingModel, pricing.model);
    let (ip_get, ip_set) = text_of!(Ec2, public_ipv4_addresses);
    let (dto_get, dto_set) = text_of!(Ec2, data_transfer_out_gb);
    let volumes = Memo::new(move |_| {
        ctx.form.with(|f| match f.item(uid).map(|i| &i.spec) {
            Some(SpecForm::Ec2(e)) => e.ebs.len(),
            _ => 0,
        })
    });
    let list_for_input = list_id.clone();
    view! {
        <div class="grid">
            <ItemInput uid=uid path="instance_type" label=Key::InstanceType kind=Kind::Text
                list=Signal::derive(move || list_for_input.clone())
                hint=Signal::derive(move || spec_line().unwrap_or_default())
                get=it_get set=it_set />
            <datalist id=list_id>
                {move || types.get().into_iter().map(|(n, s)| view! { <option value=n>{s}</option> }).collect_view()}
            </datalist>
            <ItemSelect uid=uid path="operating_system" label=Key::OperatingSystem options=os_options get=os_get set=os_set />
            <ItemInput uid=uid path="count" label=Key::Count get=count_get set=count_set />
            <UsageFields uid=uid />
            <ItemSelect uid=uid path="pricing" label=Key::PricingModel
                options=move || localized(ctx.lang.get(), &[PricingModel::OnDemand, PricingModel::Reserved, PricingModel::Spot, PricingModel::SavingsPlan], PricingModel::as_str, names::pricing_model)
                get=pm_get set=pm_set />
            {move || {
                let m = model.get();
                let (term_get, term_set) = enum_of!(Ec2, Term, pricing.term);
                let (pay_get, pay_set) = enum_of!(Ec2, Payment, pricing.payment);
                let (oc_get, oc_set) = enum_of!(Ec2, OfferingClass, pricing.offering_class);
                let (plan_get, plan_set) = enum_of!(Ec2, SavingsPlanType, pricing.plan);
                let (disc_get, disc_set) = text_of!(Ec2, pricing.discount_percent);
                let term = move || view! {
                    <ItemSelect uid=uid path="pricing.term" label=Key::Term
                        options=move || localized(ctx.lang.get(), &Term::ALL, Term::as_str, names::term) get=term_get set=term_set />
                };
                let pay = move || view! {
                    <ItemSelect uid=uid path="pricing.payment" label=Key::Payment
                        options=move || localized(ctx.lang.get(), &Payment::ALL, Payment::as_str, names::payment) get=pay_get set=pay_set />
                };
                match m {
                    PricingModel::OnDemand => ().into_any(),
                    PricingModel::Reserved => view! {
                        {term()}
                        <ItemSelect uid=uid path="pricing.offering_class" label=Key::OfferingClass
                            options=move || localized(ctx.lang.get(), &OfferingClass::ALL, OfferingClass::as_str, names::offering_class) get=oc_get set=oc_set />
                        {pay()}
                    }.into_any(),
                    PricingModel::Spot => view! {
                        <ItemInput uid=uid path="pricing.discount_percent" label=Key::SpotDiscount get=disc_get set=disc_set />
                    }.into_any(),
                    PricingModel::SavingsPlan => view! {
                        <ItemSelect uid=uid path="pricing.plan" label=Key::Plan
                            options=move || localized(ctx.lang.get(), &SavingsPlanType::ALL, SavingsPlanType::as_str, names::plan) get=plan_get set=plan_set />
                        {term()}
                        {pay()}
                    }.into_any(),
                }
            }}
            <ItemInput uid=uid path="public_ipv4_addresses" label=Key::PublicIpv4 get=ip_get set=ip_set />
            <ItemInput uid=uid path="data_transfer_out_gb" label=Key::DataTransferOutGb get=dto_get set=dto_set />
        </div>
        <fieldset class="sub">
            <legend>{ctx.text(Key::Volumes)}</legend>
            <FieldError uid=Some(uid) path="ebs" id=format!("{}-err", field_id(uid, "ebs")) />
            <For each=move || 0..volumes.get() key=|j| *j let:j>
                <VolumeRow uid=uid j=j />
            </For>
            <button type="button" data-action="add-volume" on:click=move |_| ctx.act(|f| {
                if let Some(SpecForm::Ec2(e)) = f.item_mut(uid).map(|i| &mut i.spec) { e.ebs.push(VolumeForm::default()) }
            })>{ctx.text(Key::AddVolume)}</button>
        </fieldset>
    }
}

/// One EBS volume of an EC2 card.
#[component]
fn VolumeRow(uid: u32, j: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let region = region_of(ctx, uid);
    fn vol(i: &ItemForm, j: usize) -> Option<&VolumeForm> {
        match &i.spec {
            SpecForm::Ec2(e) => e.ebs.get(j),
            _ => None,
        }
    }
    fn vol_mut(i: &mut ItemForm, j: usize) -> Option<&mut VolumeForm> {
        match &mut i.spec {
            SpecForm::Ec2(e) => e.ebs.get_mut(j),
            _ => None,
        }
    }
    let p = |f: &str| format!("ebs[{j}].{f}");
    view! {
        <div class="grid volume">
            <ItemSelect uid=uid path=p("volume_type") label=Key::VolumeType
                options=move || {
                    let r = region.get();
                    with_offers(ctx, &r, |_, o| o.ec2.volume_types.clone()).unwrap_or_else(|| VolumeType::ALL.to_vec())
                        .into_iter().map(|v| (v.as_str().to_owned(), v.as_str().to_owned())).collect()
                }
                get=move |i: &ItemForm| vol(i, j).map(|v| v.volume_type.as_str().to_owned()).unwrap_or_default()
                set=move |i: &mut ItemForm, v: String| if let (Some(x), Some(t)) = (vol_mut(i, j), parse_enum::<VolumeType>(&v)) { x.volume_type = t } />
            <ItemInput uid=uid path=p("size_gb") label=Key::SizeGb
                get=move |i: &ItemForm| vol(i, j).map(|v| v.size_gb.clone()).unwrap_or_default()
                set=move |i: &mut ItemForm, v| if let Some(x) = vol_mut(i, j) { x.size_gb = v } />
            <ItemInput uid=uid path=p("iops") label=Key::Iops
                get=move |i: &ItemForm| vol(i, j).map(|v| v.iops.clone()).unwrap_or_default()
                set=move |i: &mut ItemForm, v| if let Some(x) = vol_mut(i, j) { x.iops = v } />
            <ItemInput uid=uid path=p("throughput_mbps") label=Key::ThroughputMbps
                get=move |i: &ItemForm| vol(i, j).map(|v| v.throughput_mbps.clone()).unwrap_or_default()
                set=move |i: &mut ItemForm, v| if let Some(x) = vol_mut(i, j) { x.throughput_mbps = v } />
            <button type="button" class="link" data-action="remove-volume" on:click=move |_| ctx.act(|f| {
                if let Some(SpecForm::Ec2(e)) = f.item_mut(uid).map(|i| &mut i.spec) && j < e.ebs.len() { e.ebs.remove(j); }
            })>{ctx.text(Key::RemoveVolume)}</button>
        </div>
    }
}

/// The Lambda inputs.
#[component]
fn LambdaFields(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let region = region_of(ctx, uid);
    let provisioned = Memo::new(move |_| {
        ctx.form.with(
            |f| matches!(f.item(uid).map(|i| &i.spec), Some(SpecForm::Lambda(l)) if l.provisioned),
        )
    });
    let (req_get, req_set) = text_of!(Lambda, requests_per_month);
    let (dur_get, dur_set) = text_of!(Lambda, avg_duration_ms);
    let (mem_get, mem_set) = text_of!(Lambda, memory_mb);
    let (arch_get, arch_set) = enum_of!(Lambda, Architecture, architecture);
    let (eph_get, eph_set) = text_of!(Lambda, ephemeral_storage_mb);
    let (pc_get, pc_set) = flag_of!(Lambda, provisioned);
    let (dto_get, dto_set) = text_of!(Lambda, data_transfer_out_gb);
    view! {
        <div class="grid">
            <ItemInput uid=uid path="requests_per_month" label=Key::RequestsPerMonth get=req_get set=req_set />
            <ItemInput uid=uid path="avg_duration_ms" label=Key::AvgDurationMs get=dur_get set=dur_set />
            <ItemInput uid=uid path="memory_mb" label=Key::MemoryMb get=mem_get set=mem_set />
            <ItemSelect uid=uid path="architecture" label=Key::Architecture
                options=move || {
                    let r = region.get();
                    with_offers(ctx, &r, |_, o| o.lambda.clone()).unwrap_or_else(|| Architecture::ALL.to_vec())
                        .into_iter().map(|a| (a.as_str().to_owned(), a.as_str().to_owned())).collect()
                }
                get=arch_get set=arch_set />
            <ItemInput uid=uid path="ephemeral_storage_mb" label=Key::EphemeralMb get=eph_get set=eph_set />
            <ItemInput uid=uid path="data_transfer_out_gb" label=Key::DataTransferOutGb get=dto_get set=dto_set />
        </div>
        <fieldset class="sub">
            <legend>{ctx.text(Key::ProvisionedConcurrency)}</legend>
            <ItemCheck uid=uid path="provisioned_concurrency" label=Key::ProvisionedConcurrency get=pc_get set=pc_set />
            {move || provisioned.get().then(|| {
                let (c_get, c_set) = text_of!(Lambda, pc_concurrency);
                let (h_get, h_set) = text_of!(Lambda, pc_hours_per_month);
                let (r_get, r_set) = text_of!(Lambda, pc_requests_per_month);
                let (d_get, d_set) = text_of!(Lambda, pc_avg_duration_ms);
                view! {
                    <div class="grid">
                        <ItemInput uid=uid path="provisioned_concurrency.concurrency" label=Key::Concurrency get=c_get set=c_set />
                        <ItemInput uid=uid path="provisioned_concurrency.hours_per_month" label=Key::PcHours get=h_get set=h_set />
                        <ItemInput uid=uid path="provisioned_concurrency.requests_per_month" label=Key::PcRequests get=r_get set=r_set />
                        <ItemInput uid=uid path="provisioned_concurrency.avg_duration_ms" label=Key::PcDuration get=d_get set=d_set />
                    </div>
                }
            })}
        </fieldset>
    }
}

/// The S3 inputs.
#[component]
fn S3Fields(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let region = region_of(ctx, uid);
    let (sc_get, sc_set) = enum_of!(S3, StorageClass, storage_class);
    let (gb_get, gb_set) = text_of!(S3, storage_gb);
    let (oc_get, oc_set) = text_of!(S3, object_count);
    let (os_get, os_set) = text_of!(S3, avg_object_size_kb);
    let (put_get, put_set) = text_of!(S3, put_requests_per_month);
    let (get_get, get_set) = text_of!(S3, get_requests_per_month);
    let (ret_get, ret_set) = text_of!(S3, retrieval_gb_per_month);
    let (dto_get, dto_set) = text_of!(S3, data_transfer_out_gb);
    view! {
        <div class="grid">
            <ItemSelect uid=uid path="storage_class" label=Key::StorageClass
                options=move || {
                    let r = region.get();
                    let offered = with_offers(ctx, &r, |_, o| o.s3.clone()).unwrap_or_else(|| StorageClass::ALL.to_vec());
                    plain(&offered, StorageClass::as_str, StorageClass::display)
                }
                get=sc_get set=sc_set />
            <ItemInput uid=uid path="storage_gb" label=Key::StorageGb get=gb_get set=gb_set />
            <ItemInput uid=uid path="object_count" label=Key::ObjectCount get=oc_get set=oc_set />
            <ItemInput uid=uid path="avg_object_size_kb" label=Key::AvgObjectKb get=os_get set=os_set />
            <ItemInput uid=uid path="put_requests_per_month" label=Key::PutRequests get=put_get set=put_set />
            <ItemInput uid=uid path="get_requests_per_month" label=Key::GetRequests get=get_get set=get_set />
            <ItemInput uid=uid path="retrieval_gb_per_month" label=Key::RetrievalGb get=ret_get set=ret_set />
            <ItemInput uid=uid path="data_transfer_out_gb" label=Key::DataTransferOutGb get=dto_get set=dto_set />
        </div>
    }
}

/// The Reserved / On-Demand choice of a database.
#[component]
fn DbPricingFields(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    fn pricing(i: &ItemForm) -> Option<&crate::form::DbPricingForm> {
        match &i.spec {
            SpecForm::Rds(s) => Some(&s.pricing),
            SpecForm::Aurora(s) => Some(&s.pricing),
            _ => None,
        }
    }
    fn pricing_mut(i: &mut ItemForm) -> Option<&mut crate::form::DbPricingForm> {
        match &mut i.spec {
            SpecForm::Rds(s) => Some(&mut s.pricing),
            SpecForm::Aurora(s) => Some(&mut s.pricing),
            _ => None,
        }
    }
    let reserved = Memo::new(move |_| {
        ctx.form
            .with(|f| f.item(uid).and_then(pricing).is_some_and(|p| p.reserved))
    });
    view! {
        <ItemSelect uid=uid path="pricing" label=Key::PricingModel
            options=move || localized(ctx.lang.get(), &[PricingModel::OnDemand, PricingModel::Reserved], PricingModel::as_str, names::pricing_model)
            get=|i: &ItemForm| if pricing(i).is_some_and(|p| p.reserved) { "reserved".to_owned() } else { "on_demand".to_owned() }
            set=|i: &mut ItemForm, v: String| if let Some(p) = pricing_mut(i) { p.reserved = v == "reserved" } />
        {move || reserved.get().then(|| view! {
            <ItemSelect uid=uid path="pricing.term" label=Key::Term
                options=move || localized(ctx.lang.get(), &Term::ALL, Term::as_str, names::term)
                get=|i: &ItemForm| pricing(i).map(|p| p.term.as_str().to_owned()).unwrap_or_default()
                set=|i: &mut ItemForm, v: String| if let (Some(p), Some(t)) = (pricing_mut(i), parse_enum::<Term>(&v)) { p.term = t } />
            <ItemSelect uid=uid path="pricing.payment" label=Key::Payment
                options=move || localized(ctx.lang.get(), &Payment::ALL, Payment::as_str, names::payment)
                get=|i: &ItemForm| pricing(i).map(|p| p.payment.as_str().to_owned()).unwrap_or_default()
                set=|i: &mut ItemForm, v: String| if let (Some(p), Some(t)) = (pricing_mut(i), parse_enum::<Payment>(&v)) { p.payment = t } />
        })}
    }
}

/// The RDS inputs.
#[component]
fn RdsFields(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let region = region_of(ctx, uid);
    let list_id = format!("classes-{uid}");
    let engine = Memo::new(move |_| {
        ctx.form.with(|f| match f.item(uid).map(|i| &i.spec) {
            Some(SpecForm::Rds(r)) => (r.engine, r.edition, r.license_model),
            _ => (
                RdsEngine::Mysql,
                RdsEdition::StandardTwo,
                LicenseModel::LicenseIncluded,
            ),
        })
    });
    // The classes offered for this engine (and edition and license) in the region.
    let classes = Memo::new(move |_| {
        let r = region.get();
        let (e, ed, lic) = engine.get();
        with_offers(ctx, &r, |c, o| {
            o.rds
                .iter()
                .filter(|x| {
                    x.engine == e
                        && (!e.is_commercial()
                            || (x.edition == Some(ed) && x.license_model == Some(lic)))
                })
                .flat_map(|x| x.instance_classes.iter())
                .map(|name| {
                    let spec = c.db_instance_classes.iter().find(|d| d.name == *name);
                    (
                        name.clone(),
                        spec.map(|s| format!("{} vCPU · {} GiB", s.vcpu, s.memory_gib.normalize()))
                            .unwrap_or_default(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let (en_get, en_set) = enum_of!(Rds, RdsEngine, engine);
    let (ed_get, ed_set) = enum_of!(Rds, RdsEdition, edition);
    let (lic_get, lic_set) = enum_of!(Rds, LicenseModel, license_model);
    let (cl_get, cl_set) = text_of!(Rds, instance_class);
    let (dep_get, dep_set) = enum_of!(Rds, Deployment, deployment);
    let (n_get, n_set) = text_of!(Rds, count);
    let (st_get, st_set) = enum_of!(Rds, RdsStorageType, storage_type);
    let (gb_get, gb_set) = text_of!(Rds, storage_gb);
    let (iops_get, iops_set) = text_of!(Rds, iops);
    let (tp_get, tp_set) = text_of!(Rds, throughput_mbps);
    let (bk_get, bk_set) = text_of!(Rds, backup_storage_gb);
    let list_for_input = list_id.clone();
    view! {
        <div class="grid">
            <ItemSelect uid=uid path="engine" label=Key::Engine
                options=|| plain(&RdsEngine::ALL, RdsEngine::as_str, RdsEngine::display) get=en_get set=en_set />
            {move || engine.get().0.is_commercial().then(|| view! {
                <ItemSelect uid=uid path="edition" label=Key::Edition
                    options=move || {
                        let e = engine.get().0;
                        let all: Vec<RdsEdition> = match e {
                            RdsEngine::Oracle => vec![RdsEdition::StandardTwo, RdsEdition::Enterprise],
                            _ => vec![RdsEdition::Express, RdsEdition::Web, RdsEdition::Standard, RdsEdition::Enterprise],
                        };
                        plain(&all, RdsEdition::as_str, names::edition)
                    }
                    get=ed_get set=ed_set />
                <ItemSelect uid=uid path="license_model" label=Key::LicenseModel
                    options=move || localized(ctx.lang.get(), &LicenseModel::ALL, LicenseModel::as_str, names::license) get=lic_get set=lic_set />
            })}
            <ItemInput uid=uid path="instance_class" label=Key::InstanceClass kind=Kind::Text
                list=Signal::derive(move || list_for_input.clone())
                get=cl_get set=cl_set />
            <datalist id=list_id>
                {move || classes.get().into_iter().map(|(n, s)| view! { <option value=n>{s}</option> }).collect_view()}
            </datalist>
            <ItemSelect uid=uid path="deployment" label=Key::Deployment
                options=move || localized(ctx.lang.get(), &Deployment::ALL, Deployment::as_str, names::deployment) get=dep_get set=dep_set />
            <ItemInput uid=uid path="count" label=Key::Count get=n_get set=n_set />
            <ItemSelect uid=uid path="storage.type" label=Key::StorageType
                options=|| plain(&RdsStorageType::ALL, RdsStorageType::as_str, RdsStorageType::as_str) get=st_get set=st_set />
            <ItemInput uid=uid path="storage.size_gb" label=Key::SizeGb get=gb_get set=gb_set />
            <ItemInput uid=uid path="storage.iops" label=Key::Iops get=iops_get set=iops_set />
            <ItemInput uid=uid path="storage.throughput_mbps" label=Key::ThroughputMbps get=tp_get set=tp_set />
            <ItemInput uid=uid path="backup_storage_gb" label=Key::BackupGb get=bk_get set=bk_set />
            <UsageFields uid=uid />
            <DbPricingFields uid=uid />
        </div>
    }
}

/// The Aurora inputs.
#[component]
fn AuroraFields(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let region = region_of(ctx, uid);
    let list_id = format!("aclasses-{uid}");
    let flags = Memo::new(move |_| {
        ctx.form.with(|f| match f.item(uid).map(|i| &i.spec) {
            Some(SpecForm::Aurora(a)) => (a.engine, a.serverless, a.backtrack, a.instances.len()),
            _ => (AuroraEngine::AuroraMysql, false, false, 0),
        })
    });
    let offer = Memo::new(move |_| {
        let r = region.get();
        let e = flags.get().0;
        with_offers(ctx, &r, |c, o| {
            o.aurora.iter().find(|x| x.engine == e).map(|x| {
                let classes = x
                    .instance_classes
                    .iter()
                    .map(|name| {
                        let spec = c.db_instance_classes.iter().find(|d| d.name == *name);
                        (
                            name.clone(),
                            spec.map(|s| {
                                format!("{} vCPU · {} GiB", s.vcpu, s.memory_gib.normalize())
                            })
                            .unwrap_or_default(),
                        )
                    })
                    .collect::<Vec<_>>();
                (classes, x.storage_configs.clone())
            })
        })
        .flatten()
    });
    let (en_get, en_set) = enum_of!(Aurora, AuroraEngine, engine);
    let (sc_get, sc_set) = enum_of!(Aurora, AuroraStorageConfig, storage_config);
    let (sl_get, sl_set) = flag_of!(Aurora, serverless);
    let (gb_get, gb_set) = text_of!(Aurora, storage_gb);
    let (io_get, io_set) = text_of!(Aurora, io_requests_per_month);
    let (bk_get, bk_set) = text_of!(Aurora, backup_storage_gb);
    let (bt_get, bt_set) = flag_of!(Aurora, backtrack);
    let list_for_rows = list_id.clone();
    view! {
        <div class="grid">
            <ItemSelect uid=uid path="engine" label=Key::Engine
                options=|| plain(&AuroraEngine::ALL, AuroraEngine::as_str, AuroraEngine::display) get=en_get set=en_set />
            <ItemSelect uid=uid path="storage_config" label=Key::StorageConfig
                options=move || {
                    let offered = offer.get().map(|o| o.1).unwrap_or_else(|| AuroraStorageConfig::ALL.to_vec());
                    plain(&offered, AuroraStorageConfig::as_str, AuroraStorageConfig::display)
                }
                get=sc_get set=sc_set />
            <ItemInput uid=uid path="storage_gb" label=Key::StorageGb get=gb_get set=gb_set />
            <ItemInput uid=uid path="io_requests_per_month" label=Key::IoRequests get=io_get set=io_set />
            <ItemInput uid=uid path="backup_storage_gb" label=Key::BackupGb get=bk_get set=bk_set />
            <UsageFields uid=uid />
            <DbPricingFields uid=uid />
        </div>
        <datalist id=list_id>
            {move || offer.get().map(|o| o.0).unwrap_or_default().into_iter().map(|(n, s)| view! { <option value=n>{s}</option> }).collect_view()}
        </datalist>
        <fieldset class="sub">
            <legend>{ctx.text(Key::Instances)}</legend>
            <FieldError uid=Some(uid) path="instances" id=format!("{}-err", field_id(uid, "instances")) />
            <For each=move || 0..flags.get().3 key=|j| *j let:j>
                <AuroraGroupRow uid=uid j=j list=list_for_rows.clone() />
            </For>
            <button type="button" data-action="add-instances" on:click=move |_| ctx.act(|f| {
                if let Some(SpecForm::Aurora(a)) = f.item_mut(uid).map(|i| &mut i.spec) {
                    a.instances.push(AuroraGroupForm { instance_class: DEFAULT_AURORA_CLASS.to_owned(), count: "1".to_owned() })
                }
            })>{ctx.text(Key::AddInstances)}</button>
        </fieldset>
        <fieldset class="sub">
            <legend>{ctx.text(Key::ServerlessV2)}</legend>
            <ItemCheck uid=uid path="serverless_v2" label=Key::ServerlessV2 get=sl_get set=sl_set />
            {move || flags.get().1.then(|| {
                let (a_get, a_set) = text_of!(Aurora, average_acus);
                let (h_get, h_set) = text_of!(Aurora, serverless_hours);
                view! {
                    <div class="grid">
                        <ItemInput uid=uid path="serverless_v2.average_acus" label=Key::AverageAcus get=a_get set=a_set />
                        <ItemInput uid=uid path="serverless_v2.hours_per_month" label=Key::UsageHours get=h_get set=h_set />
                    </div>
                }
            })}
        </fieldset>
        {move || (flags.get().0 == AuroraEngine::AuroraMysql).then(|| view! {
            <fieldset class="sub">
                <legend>{ctx.text(Key::Backtrack)}</legend>
                <ItemCheck uid=uid path="backtrack" label=Key::Backtrack get=bt_get set=bt_set />
                {move || flags.get().2.then(|| {
                    let (c_get, c_set) = text_of!(Aurora, change_records_per_hour);
                    let (w_get, w_set) = text_of!(Aurora, window_hours);
                    view! {
                        <div class="grid">
                            <ItemInput uid=uid path="backtrack.change_records_per_hour" label=Key::ChangeRecordsPerHour get=c_get set=c_set />
                            <ItemInput uid=uid path="backtrack.window_hours" label=Key::WindowHours get=w_get set=w_set />
                        </div>
                    }
                })}
            </fieldset>
        })}
    }
}

/// One group of Aurora instances.
#[component]
fn AuroraGroupRow(uid: u32, j: usize, list: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    fn group(i: &ItemForm, j: usize) -> Option<&AuroraGroupForm> {
        match &i.spec {
            SpecForm::Aurora(a) => a.instances.get(j),
            _ => None,
        }
    }
    fn group_mut(i: &mut ItemForm, j: usize) -> Option<&mut AuroraGroupForm> {
        match &mut i.spec {
            SpecForm::Aurora(a) => a.instances.get_mut(j),
            _ => None,
        }
    }
    view! {
        <div class="grid volume">
            <ItemInput uid=uid path=format!("instances[{j}].instance_class") label=Key::InstanceClass kind=Kind::Text
                list=Signal::derive(move || list.clone())
                get=move |i: &ItemForm| group(i, j).map(|g| g.instance_class.clone()).unwrap_or_default()
                set=move |i: &mut ItemForm, v| if let Some(g) = group_mut(i, j) { g.instance_class = v } />
            <ItemInput uid=uid path=format!("instances[{j}].count") label=Key::Count
                get=move |i: &ItemForm| group(i, j).map(|g| g.count.clone()).unwrap_or_default()
                set=move |i: &mut ItemForm, v| if let Some(g) = group_mut(i, j) { g.count = v } />
            <button type="button" class="link" data-action="remove-instances" on:click=move |_| ctx.act(|f| {
                if let Some(SpecForm::Aurora(a)) = f.item_mut(uid).map(|i| &mut i.spec) && j < a.instances.len() { a.instances.remove(j); }
            })>{ctx.text(Key::Remove)}</button>
        </div>
    }
}
